import { create } from 'zustand';
import { isValidUserName, readUserName, writeUserName } from '../api/user';

export interface UserState {
  /** The user the app acts as: sent as `X-Firn-User` on every request. */
  name: string;
  /** Stores a valid name; returns false (and changes nothing) for an invalid one. */
  setName(name: string): boolean;
}

export const useUser = create<UserState>()((set) => ({
  name: readUserName(),
  setName(name) {
    const trimmed = name.trim();
    if (!isValidUserName(trimmed)) return false;
    writeUserName(trimmed);
    set({ name: trimmed });
    return true;
  },
}));
