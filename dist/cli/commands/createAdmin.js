import { AppError } from "../../domain/errors.js";
import { createPlatformAdmin } from "../../domain/platformAdmins.js";
import { storeFromEnvironment } from "../../server/settings.js";
import { openDatabase } from "../../store/database.js";
import { EXIT } from "../context.js";
import { readSecret, SecretInputError } from "../secretInput.js";
const MESSAGES = {
    en: {
        prompt: 'Password: ',
        confirm: 'Password again: ',
        mismatch: 'the two passwords differ; nothing was created',
        created: (username) => `created the platform administrator '${username}': sign in, create a programme and its users`,
    },
    fr: {
        prompt: 'Mot de passe : ',
        confirm: 'Mot de passe, à nouveau : ',
        mismatch: "les deux mots de passe diffèrent ; rien n'a été créé",
        created: (username) => `administrateur de la plateforme '${username}' créé : connectez-vous, créez un programme et ses utilisateurs`,
    },
};
/**
 * `openpbf users create-admin --username U --name N [--password-file F]`: a platform
 * administrator in the store the server uses (DATABASE_URL, else DATA_DIR), the way to the
 * first account of a production database. The password is checked like any other.
 */
export async function createAdminCommand(options, context) {
    const messages = MESSAGES[context.locale];
    let password;
    try {
        password = await readSecret({ ...messages, ...(options.passwordFile ? { file: options.passwordFile } : {}) }, context.stdin, context.stderr);
    }
    catch (error) {
        if (!(error instanceof SecretInputError))
            throw error;
        context.err(error.message);
        return EXIT.badInput;
    }
    const database = await openDatabase(storeFromEnvironment(context.env));
    try {
        const input = { username: options.username, name: options.name, password, locale: options.locale ?? context.locale };
        await createPlatformAdmin(database.db, input, context.locale);
        context.out(messages.created(options.username));
        return EXIT.ok;
    }
    catch (error) {
        if (!(error instanceof AppError))
            throw error;
        context.err(error.message);
        return EXIT.badInput;
    }
    finally {
        await database.close();
    }
}
//# sourceMappingURL=createAdmin.js.map