import { AppError } from '../../domain/errors.ts';
import { createPlatformAdmin } from '../../domain/platformAdmins.ts';
import type { Locale } from '../../engine/index.ts';
import { storeFromEnvironment } from '../../server/settings.ts';
import { openDatabase } from '../../store/database.ts';
import { EXIT, type CliContext } from '../context.ts';
import { readSecret, SecretInputError } from '../secretInput.ts';

export interface CreateAdminOptions {
  readonly username: string;
  readonly name: string;
  readonly passwordFile?: string;
  readonly locale?: 'fr' | 'en';
}

const MESSAGES: Record<Locale, { prompt: string; confirm: string; mismatch: string; created: (username: string) => string }> = {
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
export async function createAdminCommand(options: CreateAdminOptions, context: CliContext): Promise<number> {
  const messages = MESSAGES[context.locale];
  let password: string;
  try {
    const confirm = { prompt: messages.confirm, mismatch: messages.mismatch };
    password = await readSecret({ prompt: messages.prompt, confirm, ...(options.passwordFile ? { file: options.passwordFile } : {}) }, context.stdin, context.stderr);
  } catch (error) {
    if (!(error instanceof SecretInputError)) throw error;
    context.err(error.message);
    return EXIT.badInput;
  }
  const database = await openDatabase(storeFromEnvironment(context.env));
  try {
    const input = { username: options.username, name: options.name, password, locale: options.locale ?? context.locale };
    await createPlatformAdmin(database.db, input, context.locale);
    context.out(messages.created(options.username));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    context.err(error.message);
    return EXIT.badInput;
  } finally {
    await database.close();
  }
}
