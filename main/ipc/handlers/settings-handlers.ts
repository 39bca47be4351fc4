// The `settings.*` commands: the persisted settings (main/app/app-settings-store.ts), applied to the engine before
// they are saved, and announced as 'settings.changed'.
import { toEngineSettingsUpdate } from '../../app/app-settings-store';
import type { HandlerDeps, NamespaceHandlers } from './handler-deps';

/** Handlers of the `settings` namespace. */
export function createSettingsHandlers(deps: HandlerDeps): NamespaceHandlers<'settings'> {
  return {
    'settings.get': () => Promise.resolve(deps.settings.get()),
    'settings.update': async (patch) => {
      const next = await deps.settings.update(patch, (settings) => {
        deps.engine.updateSettings(toEngineSettingsUpdate(settings));
      });
      deps.events.publish('settings.changed', next);
      return next;
    },
  };
}
