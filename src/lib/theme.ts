/**
 * The colour theme: follow the system (the default), or pinned to light or dark by the header's toggle. The choice
 * is kept in localStorage and applied as <html data-theme>, which the design tokens in global.css read.
 */
import { useSyncExternalStore } from 'react'

export const THEME_CHOICES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEME_CHOICES)[number]

const STORAGE_KEY = 'vendor-risk.theme'
const listeners = new Set<() => void>()

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    // Storage can be blocked (privacy settings); the system preference still applies.
    return 'system'
  }
}

let current: ThemeChoice = typeof localStorage === 'undefined' ? 'system' : stored()

/** Puts the choice on <html>; call once before the first render so the page never flashes the other theme. */
export function applyTheme(choice: ThemeChoice = current) {
  const root = document.documentElement
  if (choice === 'system') root.removeAttribute('data-theme')
  else root.dataset.theme = choice
}

export function setTheme(choice: ThemeChoice) {
  current = choice
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY)
    else localStorage.setItem(STORAGE_KEY, choice)
  } catch {
    // Not persisted, but still applied for this visit.
  }
  applyTheme(choice)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  // Another tab changed the theme: follow it.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return
    current = stored()
    applyTheme(current)
    listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function useTheme(): ThemeChoice {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => 'system',
  )
}
