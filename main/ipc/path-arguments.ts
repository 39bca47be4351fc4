// Which commands name local files, and where in their arguments. The dispatcher checks each of these paths against
// PathGrants after validation and before the handler runs. `desktop.grantDroppedPaths` is absent on purpose: it is
// how dropped paths become granted (preload only, see PRELOAD_ONLY_COMMANDS).
import type { CommandArgs, CommandName } from '../../shared/ipc/contract';

/** For each command that reads local files: the paths in its (validated) arguments. */
export const PATH_ARGUMENTS: { readonly [N in CommandName]?: (args: CommandArgs<N>) => readonly string[] } = {
  'uploads.addPaths': (args) => args.paths,
  'incomplete.resumeFromServer': (args) => [args.localPath],
};

/** The local paths command `name` would read with `args`; none for commands that read no local file. */
export function pathArgumentsOf<N extends CommandName>(name: N, args: CommandArgs<N>): readonly string[] {
  const pick = PATH_ARGUMENTS[name];
  return pick === undefined ? [] : pick(args);
}
