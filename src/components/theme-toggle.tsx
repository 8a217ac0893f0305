import { setTheme, THEME_CHOICES, useTheme, type ThemeChoice } from '../lib/theme'

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/** Three-way switch: follow the system, or pin light or dark. A radio group, so arrows move between choices. */
export function ThemeToggle() {
  const theme = useTheme()
  return (
    <fieldset className="theme-toggle">
      <legend className="visually-hidden">Theme</legend>
      {THEME_CHOICES.map((choice) => (
        <label key={choice} className={choice === theme ? 'selected' : undefined}>
          <input
            type="radio"
            name="theme"
            value={choice}
            checked={choice === theme}
            onChange={() => setTheme(choice)}
          />
          {LABELS[choice]}
        </label>
      ))}
    </fieldset>
  )
}
