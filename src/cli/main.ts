import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { localeFromEnvironment, type Locale } from '../engine/index.ts';
import { checkCommand } from './commands/check.ts';
import { computeCommand } from './commands/compute.ts';
import { createAdminCommand } from './commands/createAdmin.ts';
import { explainCommand } from './commands/explain.ts';
import { runCaseCommand } from './commands/runCase.ts';
import { runInvoicesCommand, type RunInvoicesOptions } from './commands/runInvoices.ts';
import { EXIT, type CliContext } from './context.ts';
import { InputFileError } from './files.ts';

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean)];
const positiveInteger = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('must be a whole number');
  return parsed;
};

/** Runs the CLI on `argv` (node, script, args...) and returns the exit code. */
export async function main(argv: readonly string[], context?: Partial<CliContext>): Promise<number> {
  const ctx: CliContext = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    locale: localeFromEnvironment(process.env),
    ...context,
  };
  let code: number = EXIT.ok;
  const cli = new Command('openpbf')
    .description('OpenPBF: compute and explain performance-based financing invoices')
    .addOption(new Option('--lang <locale>', 'language of messages').choices(['en', 'fr']))
    .exitOverride()
    .configureOutput({ writeOut: (text) => ctx.out(text.trimEnd()), writeErr: (text) => ctx.err(text.trimEnd()) });
  const locale = (): Locale => (cli.opts().lang as Locale | undefined) ?? ctx.locale;
  const withLocale = (): CliContext => ({ ...ctx, locale: locale() });

  cli
    .command('run-case')
    .description('run contract case files and compare with their expected values or errors')
    .argument('<files...>', 'case files (JSON or YAML)')
    .action((files: string[]) => {
      code = runCaseCommand(files, withLocale());
    });

  cli
    .command('check')
    .description('static checks of a programme, every error at once')
    .argument('<program>', 'programme file (JSON or YAML), or a case file')
    .option('--org-units <file>', 'org units, so attribute names are known')
    .action((program: string, options: { orgUnits?: string }) => {
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
    .action(async (options: { username: string; name: string; passwordFile?: string; locale?: 'fr' | 'en' }) => {
      code = await createAdminCommand(options, withLocale());
    });

  const invoices = cli.command('invoices').description("invoices, through a running server's API (as from the web: the server checks who may do what)");
  invoices
    .command('run')
    .description('compute the invoices of a subtree for a month or a quarter, with a progress bar on a terminal; the password is read from --password-file, a prompt, or standard input')
    .requiredOption('--server <url>', 'the OpenPBF server, e.g. https://pbf.example.org')
    .requiredOption('--username <name>', 'a committee member (validator) of the subtree')
    .option('--password-file <file>', 'read the password from the first line of this file')
    .requiredOption('--programme <id>', 'programme id')
    .requiredOption('--org-unit <id>', 'root of the subtree (the national root for a national run)')
    .requiredOption('--period <id>', 'DHIS2 month or quarter, e.g. 202401 or 2024Q1')
    .action(async (options: RunInvoicesOptions) => {
      code = await runInvoicesCommand(options, withLocale());
    });

  try {
    await cli.parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    if (error instanceof InputFileError) {
      ctx.err(error.message);
      return EXIT.badInput;
    }
    throw error;
  }
  return code;
}
