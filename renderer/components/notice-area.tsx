// Where failed commands are shown until the user dismisses them (state/notices-store.ts). A polite live region, so a
// screen reader announces a failure without interrupting, and every notice keeps its code and request id.
import type { CommandName } from '../../shared/ipc/contract';
import { useT, type Translate } from '../i18n/i18n';
import { useNoticesStore } from '../state/notices-store';
import { Button } from './button';
import { ErrorMessage } from './error-message';
import { IconButton } from './icon-button';
import { commandMessages } from './command-messages';
import { componentMessages } from './messages';

/** The notice stack (bottom of the window). */
export function NoticeArea() {
  const t = useT(componentMessages);
  const commandPhrase = useT(commandMessages);
  const notices = useNoticesStore((state) => state.notices);
  const dismiss = useNoticesStore((state) => state.dismiss);
  const clear = useNoticesStore((state) => state.clear);
  return (
    <section className="notice-area" aria-label={t('notices')} aria-live="polite">
      {notices.map((notice) => {
        const what = describeCommand(notice.command, commandPhrase);
        const title =
          notice.subject === undefined ? t('commandFailed', { what }) : t('commandFailedSubject', { what, subject: notice.subject });
        return (
          <div key={notice.id} className="notice">
            <ErrorMessage error={notice.error} title={title} />
            <IconButton className="notice-dismiss" icon="close" label={t('dismiss')} onClick={() => dismiss(notice.id)} />
          </div>
        );
      })}
      {notices.length > 1 ? <Button className="notice-clear" label={t('dismissAll')} tone="ghost" onClick={clear} /> : null}
    </section>
  );
}

function isPhrased(command: CommandName): command is keyof typeof commandMessages.en {
  return command in commandMessages.en;
}

// The preload-only command never reaches a notice (the page cannot send it), but the type allows it: show its name.
function describeCommand(command: CommandName | undefined, phrase: Translate<keyof typeof commandMessages.en>): string {
  if (command === undefined) return '—';
  return isPhrased(command) ? phrase(command) : command;
}
