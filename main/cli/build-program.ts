// The `oss-upload` command tree: the options every command shares (endpoint, region, addressing, signature version,
// credentials) on the root, and the commands: put and resume (uploads through the engine), and uploads, parts,
// abort and resume-remote (the incomplete-upload manager, registered from incomplete-commands.ts).
import { Command, Option } from 'commander';
import type { CliContext } from './cli-context';
import { connectionFlagsOf, CREDENTIAL_ENV, endpointSettingsFromFlags, resolveCredentials } from './connection-options';
import { registerIncompleteCommands } from './incomplete-commands';
import type { InterruptHub } from './interrupt-hub';
import { createOssClient } from './oss-client-factory';
import { registerPutCommand } from './put-command';
import { registerResumeCommand } from './resume-command';

/** What the commands of one run share. */
export interface ProgramDeps {
  readonly ctx: CliContext;
  readonly interrupts: InterruptHub;
  /** Records the exit status of the command that ran. */
  setExitCode(code: number): void;
  readonly version: string;
}

const HELP_FOOTER = `
Credentials: ${CREDENTIAL_ENV.accessKeyId}, ${CREDENTIAL_ENV.accessKeySecret} and ${CREDENTIAL_ENV.securityToken} (STS), the
variables the official OSS SDKs read, or the --access-key-* flags, which win (prefer the environment: other
local users can see flags in the process list). Secrets are never printed.

Exit status: 0 all uploaded and verified (or the command succeeded), 1 something failed, 2 bad usage,
130 interrupted (uploads paused and saved; run the same command again, or \`oss-upload resume\`).

Examples:
  oss-upload put big.iso oss://my-bucket/isos/ --endpoint oss-cn-hangzhou.aliyuncs.com --region cn-hangzhou
  oss-upload put photos/ notes.txt oss://my-bucket/backup/ --endpoint ... --region ... --parallel 16
  oss-upload resume --state-dir ~/.oss-upload/state
  oss-upload uploads oss://my-bucket/ --older-than 7d --endpoint ... --region ...`;

/** Builds the program; parse it with parseAsync. Commander errors throw (exitOverride) so the caller sets status 2. */
export function buildProgram(deps: ProgramDeps): Command {
  const { ctx } = deps;
  const program = new Command('oss-upload')
    .description('Resumable, verified multipart uploads to Alibaba Cloud OSS, and tools for incomplete uploads')
    .version(deps.version, '--version', 'print the version')
    .addOption(new Option('--endpoint <url>', 'OSS endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com or http://127.0.0.1:9000'))
    .addOption(new Option('--region <region>', 'bucket region, e.g. cn-hangzhou'))
    .addOption(new Option('--path-style', 'address buckets as /bucket/key (default: bucket.endpoint, path-style for IPs and localhost)'))
    .addOption(new Option('--sign <version>', 'signature version').choices(['v1', 'v4']).default('v4'))
    .addOption(new Option('--access-key-id <id>', `AccessKey ID (default: $${CREDENTIAL_ENV.accessKeyId})`))
    .addOption(new Option('--access-key-secret <secret>', `AccessKey secret (default: $${CREDENTIAL_ENV.accessKeySecret})`))
    .addOption(new Option('--security-token <token>', `STS security token (default: $${CREDENTIAL_ENV.securityToken})`))
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({ writeOut: (text) => ctx.stdout.write(text), writeErr: (text) => ctx.stderr.write(text) })
    .addHelpText('after', HELP_FOOTER)
    .exitOverride();

  registerPutCommand(program, deps);
  registerResumeCommand(program, deps);
  registerIncompleteCommands(program, {
    makeClient: (options) => {
      const flags = connectionFlagsOf(options);
      return createOssClient(endpointSettingsFromFlags(flags), resolveCredentials(flags, ctx.env));
    },
    signal: deps.interrupts.signal,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    now: Date.now,
  });
  return program;
}
