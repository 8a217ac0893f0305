import { useId, useState, type DragEvent, type Ref } from 'react'

const ACCEPT = [
  '.csv',
  '.xlsx',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',')

export interface FileDropZoneProps {
  onFile: (file: File) => void
  disabled: boolean
  /** The native input, so "Fix and retry" can open the same picker. */
  inputRef: Ref<HTMLInputElement>
}

/**
 * A file input inside a drop target. The input is the keyboard and screen-reader way in (Tab, then Enter or
 * Space opens the picker); dropping a file anywhere on the zone does the same for the mouse.
 */
export function FileDropZone({ onFile, disabled, inputRef }: FileDropZoneProps) {
  const inputId = useId()
  const [dragging, setDragging] = useState(false)

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return
    // Without this the browser would open the dropped file instead.
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setDragging(true)
  }
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file && !disabled) onFile(file)
  }

  return (
    <div
      className={dragging ? 'drop-zone dragging' : 'drop-zone'}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        // Leaving for a child element is not leaving the zone.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false)
      }}
      onDrop={onDrop}
    >
      <label htmlFor={inputId} className="drop-zone-label">
        Spreadsheet to import (CSV or XLSX)
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept={ACCEPT}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0]
          // Cleared so that choosing the same file again, once fixed, is a change too.
          event.target.value = ''
          if (file) onFile(file)
        }}
      />
      <p className="muted">or drop the file here. A dry run comes first: nothing changes until you apply.</p>
    </div>
  )
}
