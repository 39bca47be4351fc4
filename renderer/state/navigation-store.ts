// Which screen is shown. A store rather than App state so any screen can send the user elsewhere (the uploads
// empty state points to Accounts; an owned incomplete upload points back to Uploads).
import { create } from 'zustand';

/** The app's screens, in header order. */
export const SCREENS = ['uploads', 'incomplete', 'accounts', 'settings'] as const;
/** One of SCREENS. */
export type Screen = (typeof SCREENS)[number];

/** The current screen and how to change it. */
export interface NavigationState {
  readonly screen: Screen;
  show(screen: Screen): void;
}

/** The navigation store. */
export const useNavigationStore = create<NavigationState>()((set) => ({
  screen: 'uploads',
  show(screen) {
    set({ screen });
  },
}));
