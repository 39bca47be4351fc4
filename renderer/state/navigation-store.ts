// Which screen is shown. A store rather than App state so any screen can send the user elsewhere (the uploads
// empty state points to Accounts; an owned incomplete upload points back to Uploads).
import { create } from 'zustand';

/** The app's screens, in header order. */
export const SCREENS = ['uploads', 'incomplete', 'accounts', 'settings'] as const;
/** One of SCREENS. */
export type Screen = (typeof SCREENS)[number];

/** What the application menu asked the uploads screen to open ("Add files…", "Add folder…"). */
export type AddRequest = 'files' | 'folder';

/** The current screen and how to change it. */
export interface NavigationState {
  readonly screen: Screen;
  /** A menu request the uploads screen has not acted on yet; it clears it when it does. */
  readonly pendingAdd: AddRequest | undefined;
  show(screen: Screen): void;
  /** Shows the uploads screen and asks it to open the file or folder dialog (Electron's menu, 'app.menuCommand'). */
  requestAdd(kind: AddRequest): void;
  clearAddRequest(): void;
}

/** The navigation store. */
export const useNavigationStore = create<NavigationState>()((set) => ({
  screen: 'uploads',
  pendingAdd: undefined,
  show(screen) {
    set({ screen });
  },
  requestAdd(kind) {
    set({ screen: 'uploads', pendingAdd: kind });
  },
  clearAddRequest() {
    set({ pendingAdd: undefined });
  },
}));
