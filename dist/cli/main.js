import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { localeFromEnvironment } from "../engine/index.js";
import { checkCommand } from "./commands/check.js";
import { computeCommand } from "./commands/compute.js";
import { createAdminCommand } from "./commands/createAdmin.js";
import { explainCommand } from "./commands/explain.js";
import { runCaseCommand } from "./commands/runCase.js";
import { EXIT } from "./context.js";
import { InputFileError } from "./files.js";
const collect = (value, previous = []) => [...previous, ...value.split(',').filter(Boolean)];
const positiveInteger = (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0)
        throw new InvalidArgumentError('must be a whole number');
    return parsed;
};
/** Runs the CLI on `argv` (node, script, args...) and returns the exit code. */
export async function main(argv, context) {
    const ctx = {
        out: (text) => process.stdout.write(`${text}\n`),
        err: (text) => process.stderr.write(`${text}\n`),
        stderr: process.stderr,
        stdin: process.stdin,
        env: process.env,
        locale: localeFromEnvironment(process.env),
        ...context,
    };
    let code = EXIT.ok;
    const cli = new Command('openpbf')
        .description('OpenPBF: compute and explain performance-based financing invoices')
        .addOption(new Option('--lang <locale>', 'language of messages').choices(['en', 'fr']))
        .exitOverride()
        .configureOutput({ writeOut: (text) => ctx.out(text.trimEnd()), writeErr: (text) => ctx.err(text.trimEnd()) });
    const locale = () => cli.opts().lang ?? ctx.locale;
    const withLocale = () => ({ ...ctx, locale: locale() });
    cli
        .command('run-case')
        .description('run contract case files and compare with their expected values or errors')
        .argument('<files...>', 'case files (JSON or YAML)')
        .action((files) => {
        code = runCaseCommand(files, withLocale());
    });
    cli
        .command('check')
        .description('static checks of a programme, every error at once')
        .argument('<program>', 'programme file (JSON or YAML), or a case file')
        .option('--org-units <file>', 'org units, so attribute names are known')
        .action((program, options) => {
        code = checkCommand(program, options, withLocale());
    });
    cli
        .command('compute')
        .description('compute every value of a programme for periods and org units')
        .requiredOption('--program <file>', 'programme file, or a case file')
        .option('--org-units <file>', 'org units (JSON, YAML)')
        .option('--data <file>', 'data values (JSON, YAML or CSV: orgUnit,period,activity,state,value)')
        .requiredOption('--period <ids>', 'DHIS2 periods, e.g. 2024Q1 or 202401 (repeatable, comma-separated)', collect)
        .option('--org-unit <ids>', 'org units to compute (default: all)', collect)
        .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
        .option('--all', 'also output inputs, constants and decision-table outputs')
        .action((options) => {
        code = computeCommand(options, withLocale());
    });
    cli
        .command('explain')
        .description('show the provenance tree of one computed value')
        .requiredOption('--program <file>', 'programme file, or a case file')
        .option('--org-units <file>', 'org units (JSON, YAML)')
        .option('--data <file>', 'data values (JSON, YAML or CSV)')
        .requiredOption('--value <name>', 'package.activity.name, package.name or payment.name')
        .requiredOption('--org-unit <id>', 'org unit')
        .requiredOption('--period <id>', 'DHIS2 period of the value')
        .option('--depth <n>', 'levels of reads to show', positiveInteger)
        .option('--json', 'print the tree as JSON')
        .action((options) => {
        code = explainCommand(options, withLocale());
    });
    const users = cli.command('users').description('user accounts in the store the server uses (DATABASE_URL, else DATA_DIR or ./data)');
    users
        .command('create-admin')
        .description('create a platform administrator (the first account of a production database); the password is read from --password-file, a prompt, or standard input, never from the command line')
        .requiredOption('--username <name>', 'user name: 3 to 40 of a-z, 0-9, ".", "_", "-"')
        .requiredOption('--name <name>', 'full name')
        .option('--password-file <file>', 'read the password from the first line of this file')
        .addOption(new Option('--locale <locale>', "the administrator's language").choices(['fr', 'en']))
        .action(async (options) => {
        code = await createAdminCommand(options, withLocale());
    });
    try {
        await cli.parseAsync(argv);
    }
    catch (error) {
        if (error instanceof CommanderError)
            return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
        if (error instanceof InputFileError) {
            ctx.err(error.message);
            return EXIT.badInput;
        }
        throw error;
    }
    return code;
}
//# sourceMappingURL=main.js.map