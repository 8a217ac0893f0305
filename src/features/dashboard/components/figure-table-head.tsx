/**
 * The column headers of a card's table: the rows' own header first, then the figures (right-aligned, as their
 * cells are), then any columns of text. Every dashboard table but the top risks' has this shape.
 */
export interface FigureTableHeadProps {
  /** What each row is ("Tier", "Month"). */
  rows: string
  figures: readonly string[]
  /** Columns of text after the figures ("By tier"). */
  notes?: readonly string[]
}

export function FigureTableHead({ rows, figures, notes = [] }: FigureTableHeadProps) {
  return (
    <thead>
      <tr>
        <th scope="col">{rows}</th>
        {figures.map((figure) => (
          <th key={figure} scope="col" className="num">
            {figure}
          </th>
        ))}
        {notes.map((note) => (
          <th key={note} scope="col">
            {note}
          </th>
        ))}
      </tr>
    </thead>
  )
}
