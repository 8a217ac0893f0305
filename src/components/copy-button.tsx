import { useEffect, useState } from 'react'

/**
 * Copies `value` (a hash, a command) to the clipboard and says so for a moment. `what` completes the button's
 * name for assistive technology ("Copy SHA-256"), since a page may hold several of these.
 */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      // No clipboard (an insecure origin, a refused permission): the value is on screen to select by hand.
      setState('failed')
    }
  }

  return (
    <span className="copy">
      {/* The name starts with the visible word, so speaking "Copy" still finds it (WCAG 2.5.3). */}
      <button type="button" className="copy-button" onClick={() => void copy()} aria-label={`Copy ${what}`}>
        Copy
      </button>
      <span role="status" className="copy-status muted small">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy; select the text instead' : ''}
      </span>
    </span>
  )
}
