/**
 * The PDF risk report, drawn with pdfkit's text and vector primitives (docs/decisions/007-pdf-reports.md): cover,
 * executive summary, charts, top risks, methodology, and an appendix section per critical or high vendor, with
 * page numbers and the export's manifest in the document's metadata.
 */
import { existsSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import {
  CERTIFICATION_LABELS,
  CRITICALITY_LABELS,
  DATA_CLASS_LABELS,
  DATA_LOCATION_LABELS,
  formatCompact,
  formatPoints,
  formatWhole,
  INCIDENT_KIND_LABELS,
  INCIDENT_STATUS_LABELS,
  NETWORK_ACCESS_LABELS,
  REVIEW_CADENCE_DAYS,
  reviewStatus,
  SEVERITY_LABELS,
  TIERS,
  topFactorText,
  VENDOR_STATUS_LABELS,
  type ScoringWeights,
  type Tier,
  type TrendRow,
} from '../../src/domain'
import type { ExportFile } from './export-file'
import type { ExportFacts } from './register-files'
import { yieldToEventLoop, type RegisterEntry, type RegisterSnapshot } from './register-source'

/** The appendix covers at most this many critical and high vendors, the riskiest first. */
export const APPENDIX_LIMIT = 200
const TOP_RISKS = 20
const CHANGES = 10
const OUTSIDE = 10
/** Above this many vendors the risk map bins points into cells instead of drawing each one. */
const MAP_POINT_LIMIT = 2000
const MAP_BINS = 25

export interface ReportInput {
  register: RegisterSnapshot
  facts: ExportFacts
  /** The portfolio's score over time from the snapshots, oldest first, the last point on `asOf`. */
  trend: (TrendRow & { asOf: string })[]
}

// ---- Page geometry and palette --------------------------------------------------------------------------

const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = { top: 64, bottom: 64, left: 50, right: 50 }
const LEFT = MARGIN.left
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right
const BOTTOM = PAGE.height - MARGIN.bottom

/** Colour-blind-safe (ColorBrewer RdYlBu ends), always paired with the tier's name. */
const TIER_COLOURS: Record<Tier, string> = {
  critical: '#a50026',
  high: '#f46d43',
  medium: '#fdc35a',
  low: '#4575b4',
}
const TIER_NAMES: Record<Tier, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' }
const INK = '#1b1f24'
const MUTED = '#57606a'
const RULE = '#d0d7de'
const BAND = '#f6f8fa'

// ---- Fonts ----------------------------------------------------------------------------------------------

const FONT_DIRS = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/TTF',
  '/usr/local/share/fonts',
]

/**
 * DejaVu Sans when the system has it (Latin, Greek, Cyrillic and more); otherwise the PDF's built-in Helvetica,
 * which only knows Western European characters. Characters the font lacks print as "?": the CSV, XLSX and JSON
 * keep every name exactly.
 */
function findFonts(): { regular: string; bold: string } | null {
  for (const dir of FONT_DIRS) {
    const regular = `${dir}/DejaVuSans.ttf`
    const bold = `${dir}/DejaVuSans-Bold.ttf`
    if (existsSync(regular) && existsSync(bold)) return { regular, bold }
  }
  return null
}

// Helvetica (WinAnsiEncoding): Latin-1 plus these.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

// ---- Formatting -----------------------------------------------------------------------------------------

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const dayLong = (iso: string) => longDate.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))
const stamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
const one = (n: number) => n.toFixed(1)
const percent = (part: number, whole: number) =>
  whole === 0 ? '0 %' : `${Math.round((part / whole) * 100)} %`
const signed = (n: number) => (n > 0 ? `+${one(n)}` : n < 0 ? `\u2212${one(-n)}` : '0.0')
const inPortfolio = (e: RegisterEntry) => e.vendor.status !== 'offboarded'
const outside = (e: RegisterEntry) =>
  e.vendor.access.dataLocation === 'vendor_environment' || e.vendor.access.dataLocation === 'both'

interface Column {
  header: string
  width: number
  align?: 'left' | 'right'
}

/** Draws the report: keeps the cursor, breaks pages, and writes only characters the font can show. */
class Report {
  readonly doc: PDFKit.PDFDocument
  y = MARGIN.top
  private readonly fonts: { regular: string; bold: string }
  private readonly embedded: boolean
  private readonly glyphs = new Map<number, boolean>()
  private runningTitle = ''

  constructor(info: PDFKit.DocumentInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      autoFirstPage: false,
      bufferPages: true,
      info,
      pdfVersion: '1.7',
      lang: 'en',
      displayTitle: true,
    })
    const found = findFonts()
    this.embedded = found !== null
    if (found) {
      this.doc.registerFont('body', found.regular)
      this.doc.registerFont('bold', found.bold)
    } else {
      this.doc.registerFont('body', 'Helvetica')
      this.doc.registerFont('bold', 'Helvetica-Bold')
    }
    this.fonts = { regular: 'body', bold: 'bold' }
    this.doc.on('pageAdded', () => this.onPage())
  }

  /** Text the current font can draw; other characters become "?". */
  safe(text: string): string {
    let out = ''
    for (const char of text) {
      const code = char.codePointAt(0)!
      let ok = this.glyphs.get(code)
      if (ok === undefined) {
        ok = this.canDraw(code, char)
        this.glyphs.set(code, ok)
      }
      out += ok ? char : code === 0x2212 ? '-' : '?'
    }
    return out
  }

  private canDraw(code: number, char: string): boolean {
    if (code === 0x0a) return true
    if (!this.embedded)
      return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)
    const font = (
      this.doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (c: number) => boolean } } }
    )._font?.font
    return font?.hasGlyphForCodePoint?.(code) ?? true
  }

  font(weight: 'regular' | 'bold', size: number, colour = INK) {
    this.doc.font(this.fonts[weight]).fontSize(size).fillColor(colour)
    return this
  }

  newPage(title?: string) {
    if (title !== undefined) this.runningTitle = title
    this.doc.addPage()
    this.y = MARGIN.top
  }

  private onPage() {
    if (this.runningTitle === '') return
    const { doc } = this
    doc.save()
    this.font('regular', 8, MUTED)
    doc.text(this.safe(this.runningTitle), LEFT, 30, { width: WIDTH, lineBreak: false })
    doc
      .moveTo(LEFT, 44)
      .lineTo(LEFT + WIDTH, 44)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
    doc.restore()
  }

  /** Starts a new page when fewer than `height` points are left. */
  room(height: number) {
    if (this.y + height > BOTTOM) this.newPage()
  }

  heightOf(text: string, width: number, size: number, weight: 'regular' | 'bold' = 'regular') {
    this.font(weight, size)
    return this.doc.heightOfString(this.safe(text), { width, lineGap: 1 })
  }

  /** Wrapped text at the cursor; moves the cursor below it. */
  paragraph(
    text: string,
    options: {
      size?: number
      weight?: 'regular' | 'bold'
      colour?: string
      gap?: number
      x?: number
      width?: number
    } = {},
  ) {
    const { size = 10, weight = 'regular', colour = INK, gap = 6, x = LEFT, width = WIDTH } = options
    const height = this.heightOf(text, width, size, weight)
    this.room(height)
    this.font(weight, size, colour)
    this.doc.text(this.safe(text), x, this.y, { width, lineGap: 1 })
    this.y += height + gap
  }

  /** A heading kept with at least `keep` points of what follows it. */
  heading(text: string, size = 16, keep = 70) {
    this.room(size * 2.5 + keep)
    this.y += 4
    this.paragraph(text, { size, weight: 'bold', gap: 8 })
  }

  /** One line, clipped to `width` with an ellipsis; does not move the cursor. */
  cell(text: string, x: number, y: number, width: number, align: 'left' | 'right' = 'left') {
    const safe = this.safe(text)
    let shown = safe
    if (this.doc.widthOfString(shown) > width) {
      while (shown.length > 1 && this.doc.widthOfString(`${shown}…`) > width) shown = shown.slice(0, -1)
      shown = `${shown}…`
    }
    this.doc.text(shown, x, y, { width, align, lineBreak: false })
  }

  /**
   * A table whose last column may wrap; other columns are one line each. The header repeats on every page the
   * table runs onto.
   */
  table(
    columns: Column[],
    rows: string[][],
    options: { size?: number; wrapLast?: boolean; swatch?: (Tier | null)[]; x?: number } = {},
  ) {
    const { size = 8.5, wrapLast = false, x: left = LEFT } = options
    const total = columns.reduce((sum, c) => sum + c.width, 0)
    const pad = 3
    const drawHeader = () => {
      this.doc.rect(left, this.y, total, size + 2 * pad + 2).fill('#eaeef2')
      this.font('bold', size, INK)
      let x = left
      for (const c of columns) {
        this.cell(c.header, x + pad, this.y + pad + 1, c.width - 2 * pad, c.align)
        x += c.width
      }
      this.y += size + 2 * pad + 2
    }
    this.room(2 * (size + 2 * pad) + 4)
    drawHeader()
    rows.forEach((row, r) => {
      const last = columns.length - 1
      const lastWidth = columns[last]!.width - 2 * pad
      const height =
        (wrapLast ? Math.max(size * 1.2, this.heightOf(row[last] ?? '', lastWidth, size)) : size * 1.2) +
        2 * pad
      if (this.y + height > BOTTOM) {
        this.newPage()
        drawHeader()
      }
      if (r % 2 === 1) this.doc.rect(left, this.y, total, height).fill(BAND)
      this.font('regular', size, INK)
      let x = left
      columns.forEach((c, i) => {
        const text = row[i] ?? ''
        const tier = i === 0 ? (options.swatch?.[r] ?? null) : null
        if (tier) {
          this.doc.rect(x + pad, this.y + pad + 1, 6, size - 1).fill(TIER_COLOURS[tier])
          this.font('regular', size, INK)
        }
        const indent = tier ? 9 : 0
        if (wrapLast && i === last) {
          this.doc.text(this.safe(text), x + pad, this.y + pad, { width: lastWidth, lineGap: 1 })
        } else {
          this.cell(text, x + pad + indent, this.y + pad, c.width - 2 * pad - indent, c.align)
        }
        x += c.width
      })
      this.y += height
    })
    this.doc
      .moveTo(left, this.y)
      .lineTo(left + total, this.y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
    this.y += 10
  }

  /** "Page n of N" and the export id in every page's footer (the cover too). */
  numberPages(facts: ExportFacts) {
    const { doc } = this
    const range = doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i)
      // Writing below the bottom margin would make pdfkit add a page; lift the margin while drawing the footer.
      const bottom = doc.page.margins.bottom
      doc.page.margins.bottom = 0
      this.font('regular', 8, MUTED)
      const y = PAGE.height - 40
      doc.text(this.safe(`Vendor risk report as of ${facts.asOf}`), LEFT, y, {
        width: WIDTH / 3,
        lineBreak: false,
      })
      doc.text(`Page ${i - range.start + 1} of ${range.count}`, LEFT + WIDTH / 3, y, {
        width: WIDTH / 3,
        align: 'center',
        lineBreak: false,
      })
      doc.text(facts.id, LEFT + (2 * WIDTH) / 3, y, { width: WIDTH / 3, align: 'right', lineBreak: false })
      doc.page.margins.bottom = bottom
    }
  }
}

// ---- Sections -------------------------------------------------------------------------------------------

interface Figures {
  portfolio: RegisterEntry[]
  counts: Record<Tier, number>
  offboarded: number
}

function figuresOf(register: RegisterSnapshot): Figures {
  const portfolio = register.entries.filter(inPortfolio)
  const counts: Record<Tier, number> = { critical: 0, high: 0, medium: 0, low: 0 }
  for (const e of portfolio) counts[e.score.tier] += 1
  return { portfolio, counts, offboarded: register.entries.length - portfolio.length }
}

function cover(r: Report, input: ReportInput, f: Figures) {
  const { facts, register } = input
  const { doc } = r
  r.newPage()
  doc.rect(0, 0, PAGE.width, 8).fill(TIER_COLOURS.critical)
  r.y = 150
  r.paragraph('Vendor risk report', { size: 30, weight: 'bold', gap: 10 })
  r.paragraph(`Third-party vendor register as of ${dayLong(facts.asOf)}`, {
    size: 15,
    colour: MUTED,
    gap: 36,
  })

  const rows: [string, string][] = [
    [
      'Scope',
      `Every vendor in the register at the end of ${facts.asOf} (UTC): ${formatWhole(register.entries.length)} vendors, ` +
        `${formatWhole(f.portfolio.length)} active or onboarding and ${formatWhole(f.offboarded)} offboarded. ` +
        'Counts and charts cover the active and onboarding vendors.',
    ],
    ['As of', `${dayLong(facts.asOf)}, end of day (UTC)`],
    ['Generated by', `${facts.createdBy} on ${stamp(facts.createdAt)}`],
    [
      'Scoring model',
      `Version ${facts.modelVersion}, weights revision ${facts.modelRevision}` +
        (facts.modelRevision === 0 ? ' (the default weights)' : ''),
    ],
    ['Export', facts.id],
    ['Audit log', `${formatWhole(facts.auditSeq)} entries up to head ${facts.auditHead}`],
  ]
  for (const [label, value] of rows) {
    const height = r.heightOf(value, WIDTH - 110, 10.5)
    r.font('bold', 10.5, MUTED)
    doc.text(r.safe(label), LEFT, r.y, { width: 100, lineBreak: false })
    r.font('regular', 10.5, INK)
    doc.text(r.safe(value), LEFT + 110, r.y, { width: WIDTH - 110, lineGap: 1 })
    r.y += height + 9
  }

  // The portfolio by tier, as four tiles: a number, a word and a colour.
  r.y += 16
  r.paragraph('Active and onboarding vendors by tier', { size: 9, weight: 'bold', colour: MUTED, gap: 6 })
  const gap = 10
  const tile = (WIDTH - 3 * gap) / 4
  TIERS.forEach((tier, i) => {
    const x = LEFT + i * (tile + gap)
    doc.rect(x, r.y, tile, 70).fill(BAND)
    doc.rect(x, r.y, 5, 70).fill(TIER_COLOURS[tier])
    r.font('bold', 22, INK)
    doc.text(formatWhole(f.counts[tier]), x + 14, r.y + 12, { width: tile - 20, lineBreak: false })
    r.font('regular', 10, MUTED)
    doc.text(`${TIER_NAMES[tier]} · ${percent(f.counts[tier], f.portfolio.length)}`, x + 14, r.y + 44, {
      width: tile - 20,
      lineBreak: false,
    })
  })
  r.y += 100

  r.paragraph(
    'Integrity: this file’s SHA-256 is recorded in the export manifest (GET /api/exports/' +
      `${facts.id}) and in the hash-chained audit log (action export.create). The manifest without the hash is ` +
      'embedded in this document’s metadata (VendorRiskManifest); a file cannot carry its own hash.',
    { size: 8.5, colour: MUTED },
  )
}

function executiveSummary(r: Report, input: ReportInput, f: Figures) {
  const { register, facts } = input
  r.newPage(`Vendor risk report · as of ${facts.asOf} · ${facts.id}`)
  r.heading('Executive summary', 20)
  const severe = f.counts.critical + f.counts.high
  r.paragraph(
    `${formatWhole(severe)} of ${formatWhole(f.portfolio.length)} vendors in the portfolio ` +
      `(${percent(severe, f.portfolio.length)}) are critical or high risk on ${facts.asOf}.`,
    { size: 11 },
  )

  const earlier = register.earlier
  const earlierCounts: Record<Tier, number> = { critical: 0, high: 0, medium: 0, low: 0 }
  if (earlier) {
    for (const e of f.portfolio) {
      const before = earlier.scores.get(e.vendor.id)
      if (before) earlierCounts[before.tier] += 1
    }
  }
  r.heading('Vendors by tier', 12)
  r.table(
    [
      { header: 'Tier', width: 150 },
      { header: 'Vendors', width: 90, align: 'right' },
      { header: 'Share', width: 90, align: 'right' },
      { header: earlier ? `Change since ${earlier.asOf}` : 'Change', width: 165, align: 'right' },
    ],
    TIERS.map((tier) => [
      TIER_NAMES[tier],
      formatWhole(f.counts[tier]),
      percent(f.counts[tier], f.portfolio.length),
      earlier ? formatChange(f.counts[tier] - earlierCounts[tier]) : '',
    ]),
    { swatch: [...TIERS], size: 9.5 },
  )

  // Biggest changes: vendors that existed on both days, by how far the score moved.
  r.heading(earlier ? `Biggest changes since ${earlier.asOf}` : 'Biggest changes', 12)
  const moves = earlier
    ? f.portfolio
        .flatMap((e) => {
          const before = earlier.scores.get(e.vendor.id)
          return before ? [{ e, before, delta: Math.round((e.score.score - before.score) * 10) / 10 }] : []
        })
        .filter((m) => m.delta !== 0)
        .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || b.e.score.score - a.e.score.score)
        .slice(0, CHANGES)
    : []
  const joined = earlier ? f.portfolio.filter((e) => !earlier.scores.has(e.vendor.id)).length : 0
  if (moves.length === 0) {
    r.paragraph(
      earlier ? `No vendor’s score moved since ${earlier.asOf}.` : 'No earlier register to compare with.',
      {
        colour: MUTED,
      },
    )
  } else {
    r.table(
      [
        { header: 'Vendor', width: 205 },
        { header: 'Was', width: 55, align: 'right' },
        { header: 'Now', width: 55, align: 'right' },
        { header: 'Change', width: 60, align: 'right' },
        { header: 'Tier', width: 120 },
      ],
      moves.map(({ e, before, delta }) => [
        e.vendor.name,
        one(before.score),
        one(e.score.score),
        signed(delta),
        before.tier === e.score.tier
          ? TIER_NAMES[e.score.tier]
          : `${TIER_NAMES[before.tier]} → ${TIER_NAMES[e.score.tier]}`,
      ]),
      { swatch: moves.map((m) => m.e.score.tier) },
    )
  }
  if (joined > 0)
    r.paragraph(`${formatWhole(joined)} vendors joined the portfolio since then.`, { colour: MUTED, size: 9 })

  const held = f.portfolio.filter(outside)
  const records = held.reduce((sum, e) => sum + e.vendor.access.records, 0)
  const allRecords = f.portfolio.reduce((sum, e) => sum + e.vendor.access.records, 0)
  const heldSevere = held.filter((e) => e.score.tier === 'critical' || e.score.tier === 'high').length
  r.heading('Our data outside our perimeter', 12)
  r.paragraph(
    `${formatWhole(held.length)} vendors hold ${formatCompact(records)} of our records ` +
      `(${percent(records, allRecords)} of all records vendors hold) in their own environment, beyond our ` +
      `monitoring; ${formatWhole(heldSevere)} of them are critical or high risk.`,
  )
  if (held.length > 0) {
    const top = held.slice(0, OUTSIDE)
    r.table(
      [
        { header: 'Vendor', width: 205 },
        { header: 'Score', width: 50, align: 'right' },
        { header: 'Records', width: 70, align: 'right' },
        { header: 'Where our data is held', width: 170 },
      ],
      top.map((e) => [
        e.vendor.name,
        one(e.score.score),
        formatCompact(e.vendor.access.records),
        e.vendor.access.dataLocation === 'both' ? 'Ours and the vendor’s' : 'The vendor’s own',
      ]),
      { swatch: top.map((e) => e.score.tier) },
    )
  }
}

function formatChange(n: number) {
  return n > 0 ? `+${formatWhole(n)}` : n < 0 ? `\u2212${formatWhole(-n)}` : '0'
}

// ---- Charts ---------------------------------------------------------------------------------------------

function axisLabel(
  r: Report,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'center' | 'right',
) {
  r.font('regular', 7.5, MUTED)
  r.doc.text(r.safe(text), x, y, { width, align, lineBreak: false })
}

function tierChart(r: Report, f: Figures) {
  const { doc } = r
  const biggest = TIERS.reduce((a, t) => (f.counts[t] > f.counts[a] ? t : a), 'low' as Tier)
  r.heading(
    `Tier distribution: ${TIER_NAMES[biggest].toLowerCase()} is the largest tier, ` +
      `${percent(f.counts[biggest], f.portfolio.length)} of the portfolio`,
    12,
  )
  const rowHeight = 22
  const labelWidth = 70
  const chartWidth = WIDTH - labelWidth - 80
  r.room(TIERS.length * rowHeight + 10)
  const max = Math.max(1, ...TIERS.map((t) => f.counts[t]))
  TIERS.forEach((tier, i) => {
    const y = r.y + i * rowHeight
    r.font('regular', 9, INK)
    doc.text(TIER_NAMES[tier], LEFT, y + 5, { width: labelWidth, lineBreak: false })
    doc.rect(LEFT + labelWidth, y + 2, chartWidth, rowHeight - 6).fill(BAND)
    const w = (chartWidth * f.counts[tier]) / max
    if (w > 0) doc.rect(LEFT + labelWidth, y + 2, w, rowHeight - 6).fill(TIER_COLOURS[tier])
    r.font('regular', 9, INK)
    doc.text(
      `${formatWhole(f.counts[tier])} (${percent(f.counts[tier], f.portfolio.length)})`,
      LEFT + labelWidth + chartWidth + 8,
      y + 5,
      { width: 72, lineBreak: false },
    )
  })
  r.y += TIERS.length * rowHeight + 14
}

function riskMap(r: Report, f: Figures, weights: ScoringWeights) {
  const { doc } = r
  const severeCorner = f.portfolio.filter((e) => e.score.exposure >= 50 && e.score.likelihood >= 50).length
  r.heading(`Likelihood × exposure: ${formatWhole(severeCorner)} vendors are high on both (50 or more)`, 12)
  const size = 300
  const x0 = LEFT + 40
  r.room(size + 50)
  const y0 = r.y
  const px = (exposure: number) => x0 + (exposure / 100) * size
  const py = (likelihood: number) => y0 + size - (likelihood / 100) * size

  doc.rect(x0, y0, size, size).fill(BAND)
  doc.lineWidth(0.4).strokeColor(RULE)
  for (let v = 0; v <= 100; v += 25) {
    doc
      .moveTo(px(v), y0)
      .lineTo(px(v), y0 + size)
      .stroke()
    doc
      .moveTo(x0, py(v))
      .lineTo(x0 + size, py(v))
      .stroke()
    axisLabel(r, String(v), px(v) - 15, y0 + size + 4, 30, 'center')
    axisLabel(r, String(v), x0 - 34, py(v) - 4, 28, 'right')
  }
  axisLabel(r, 'Exposure (impact): what the vendor can reach →', x0, y0 + size + 16, size, 'center')
  doc.save()
  doc.rotate(-90, { origin: [x0 - 30, y0 + size / 2] })
  axisLabel(
    r,
    'Likelihood: how likely it is to fail us →',
    x0 - 30 - size / 2,
    y0 + size / 2 - 12,
    size,
    'center',
  )
  doc.restore()

  if (f.portfolio.length <= MAP_POINT_LIMIT) {
    for (const e of f.portfolio) {
      doc
        .circle(px(e.score.exposure), py(e.score.likelihood), 2.2)
        .fillOpacity(0.8)
        .fill(TIER_COLOURS[e.score.tier])
    }
    doc.fillOpacity(1)
  } else {
    // Too many points to draw one by one: count vendors per cell and shade each cell by how many it holds.
    const cells = new Map<number, { n: number; worst: Tier }>()
    const rank: Record<Tier, number> = { critical: 3, high: 2, medium: 1, low: 0 }
    for (const e of f.portfolio) {
      const cx = Math.min(MAP_BINS - 1, Math.floor((e.score.exposure / 100) * MAP_BINS))
      const cy = Math.min(MAP_BINS - 1, Math.floor((e.score.likelihood / 100) * MAP_BINS))
      const key = cy * MAP_BINS + cx
      const cell = cells.get(key)
      if (!cell) cells.set(key, { n: 1, worst: e.score.tier })
      else {
        cell.n += 1
        if (rank[e.score.tier] > rank[cell.worst]) cell.worst = e.score.tier
      }
    }
    const most = Math.max(...[...cells.values()].map((c) => c.n))
    const side = size / MAP_BINS
    for (const [key, cell] of cells) {
      const cx = key % MAP_BINS
      const cy = Math.floor(key / MAP_BINS)
      doc
        .rect(x0 + cx * side, y0 + size - (cy + 1) * side, side, side)
        .fillOpacity(0.25 + (0.75 * Math.log1p(cell.n)) / Math.log1p(most))
        .fill(TIER_COLOURS[cell.worst])
    }
    doc.fillOpacity(1)
  }

  // The tier cut-offs as curves: score = √(exposure × likelihood) = cut-off.
  doc.lineWidth(0.8).dash(3, { space: 2 })
  for (const tier of ['critical', 'high', 'medium'] as const) {
    const cut = weights.tierCutoffs[tier]
    doc.strokeColor(TIER_COLOURS[tier])
    let started = false
    for (let e = (cut * cut) / 100; e <= 100.001; e += 1) {
      const l = Math.min(100, (cut * cut) / Math.max(e, 0.0001))
      if (!started) doc.moveTo(px(e), py(l))
      else doc.lineTo(px(e), py(l))
      started = true
    }
    doc.stroke()
    axisLabel(r, `${TIER_NAMES[tier]} ≥ ${cut}`, x0 + size + 4, py((cut * cut) / 100) - 4, 70, 'left')
  }
  doc.undash()

  // Legend beside the map.
  const lx = x0 + size + 20
  let ly = y0 + 20
  r.font('bold', 8.5, INK)
  doc.text('Tier', lx, ly, { width: 100, lineBreak: false })
  ly += 14
  for (const tier of TIERS) {
    doc.rect(lx, ly + 1, 8, 8).fill(TIER_COLOURS[tier])
    r.font('regular', 8.5, INK)
    doc.text(`${TIER_NAMES[tier]} (${formatWhole(f.counts[tier])})`, lx + 12, ly, {
      width: 100,
      lineBreak: false,
    })
    ly += 13
  }
  if (f.portfolio.length > MAP_POINT_LIMIT) {
    r.font('regular', 7.5, MUTED)
    doc.text(
      `${formatWhole(f.portfolio.length)} vendors in ${MAP_BINS}×${MAP_BINS} cells; darker cells hold more vendors, ` +
        'coloured by the riskiest tier in them.',
      lx,
      ly + 8,
      { width: WIDTH - (lx - LEFT), lineGap: 1 },
    )
  }
  r.y = y0 + size + 40
}

function trendChart(r: Report, trend: ReportInput['trend']) {
  const { doc } = r
  const known = trend.filter((p) => p.median !== null)
  const first = known[0]
  const last = known.at(-1)
  const title =
    first && last && first !== last
      ? `Trend: the median score went from ${one(first.median!)} to ${one(last.median!)} between ${first.asOf} and ${last.asOf}`
      : 'Trend: the portfolio’s median and 90th-percentile score'
  r.heading(title, 12)
  if (known.length < 2) {
    r.paragraph('Not enough score history before this date to draw a trend.', { colour: MUTED })
    return
  }
  const height = 170
  const x0 = LEFT + 34
  const width = WIDTH - 34 - 110
  r.room(height + 40)
  const y0 = r.y
  const scores = known.flatMap((p) => [p.median!, p.p90 ?? p.median!])
  const lo = Math.max(0, Math.floor(Math.min(...scores) / 10) * 10 - 10)
  const hi = Math.min(100, Math.ceil(Math.max(...scores) / 10) * 10 + 10)
  const px = (i: number) => x0 + (i / Math.max(1, trend.length - 1)) * width
  const py = (v: number) => y0 + height - ((v - lo) / Math.max(1, hi - lo)) * height

  doc.rect(x0, y0, width, height).fill(BAND)
  doc.lineWidth(0.4).strokeColor(RULE)
  for (let v = lo; v <= hi; v += 10) {
    doc
      .moveTo(x0, py(v))
      .lineTo(x0 + width, py(v))
      .stroke()
    axisLabel(r, String(v), x0 - 30, py(v) - 4, 26, 'right')
  }
  const middle = Math.floor((trend.length - 1) / 2)
  axisLabel(r, trend[0]!.asOf, x0, y0 + height + 4, 80, 'left')
  axisLabel(r, trend[middle]!.asOf, px(middle) - 40, y0 + height + 4, 80, 'center')
  axisLabel(r, trend.at(-1)!.asOf, x0 + width - 80, y0 + height + 4, 80, 'right')

  const line = (
    value: (p: ReportInput['trend'][number]) => number | null,
    colour: string,
    dashed: boolean,
  ) => {
    doc.lineWidth(1.6).strokeColor(colour)
    if (dashed) doc.dash(4, { space: 2 })
    let started = false
    trend.forEach((p, i) => {
      const v = value(p)
      if (v === null) return
      if (!started) doc.moveTo(px(i), py(v))
      else doc.lineTo(px(i), py(v))
      started = true
    })
    doc.stroke()
    doc.undash()
  }
  line((p) => p.p90, TIER_COLOURS.critical, true)
  line((p) => p.median, TIER_COLOURS.low, false)

  const lx = x0 + width + 10
  doc.lineWidth(1.6).strokeColor(TIER_COLOURS.critical).dash(4, { space: 2 })
  doc
    .moveTo(lx, y0 + 14)
    .lineTo(lx + 18, y0 + 14)
    .stroke()
  doc.undash()
  doc
    .strokeColor(TIER_COLOURS.low)
    .moveTo(lx, y0 + 30)
    .lineTo(lx + 18, y0 + 30)
    .stroke()
  r.font('regular', 8, INK)
  doc.text('90th percentile', lx + 22, y0 + 10, { width: 80, lineBreak: false })
  doc.text('Median', lx + 22, y0 + 26, { width: 80, lineBreak: false })
  r.y = y0 + height + 30
  r.paragraph(
    'From the score snapshots: on each day, the vendors in the portfolio then, each with its latest recorded score.',
    { size: 8, colour: MUTED },
  )
}

// ---- Top risks, methodology, appendix --------------------------------------------------------------------

function topRisks(r: Report, f: Figures, register: RegisterSnapshot) {
  const top = f.portfolio.slice(0, TOP_RISKS)
  r.heading(`Top ${top.length} risks and why`, 16)
  r.table(
    [
      { header: '#', width: 22, align: 'right' },
      { header: 'Vendor', width: 128 },
      { header: 'Score', width: 38, align: 'right' },
      { header: 'E', width: 30, align: 'right' },
      { header: 'L', width: 30, align: 'right' },
      { header: 'Why: the two factors adding the most points', width: 247 },
    ],
    top.map((e, i) => {
      const { factors } = register.explain(e)
      const reasons = topFactorText(factors, 2).map((t) => factors.find((x) => x.id === t.id)!)
      return [
        String(i + 1),
        e.vendor.name,
        one(e.score.score),
        one(e.score.exposure),
        one(e.score.likelihood),
        reasons.map((x) => `${x.detail} (${formatPoints(x.points)})`).join('; '),
      ]
    }),
    { wrapLast: true, size: 8 },
  )
  r.paragraph(
    'E: exposure, what the vendor can reach (0–100). L: likelihood, how likely it is to fail us (0–100). ' +
      'Score = √(E × L). The coloured mark on the left of the appendix headings is the tier.',
    { size: 8, colour: MUTED },
  )
}

function methodology(r: Report, input: ReportInput) {
  const { weights } = input.register
  const { facts } = input
  r.newPage()
  r.heading('Methodology', 16)
  r.paragraph(
    'Each vendor’s score is the geometric mean of two indices on 0–100: exposure, from its access scope (how ' +
      'sensitive the data it touches is, how many records, where our data lives, how far it reaches into our ' +
      'network, how critical it is and its sub-processors), and likelihood, from its incident history and ' +
      'controls. Score = √(exposure × likelihood): a vendor with no access stays low whatever its history, and ' +
      'both must be high for a high score. Each factor’s points add up to the score; exposure and likelihood ' +
      'explain half of it each.',
  )
  r.paragraph(
    `Scoring engine version ${facts.modelVersion}; weights revision ${facts.modelRevision}, in force on ` +
      `${facts.asOf}. Weights within a group are normalised to sum to 100; certifications subtract.`,
  )
  // The two groups' weights side by side.
  const half = (WIDTH - 15) / 2
  const weightTable = (entries: [string, number][], header: string, x: number) =>
    r.table(
      [
        { header, width: half - 50 },
        { header: 'Weight', width: 50, align: 'right' },
      ],
      entries.map(([label, w]) => [label, formatWhole(w)]),
      { size: 8.5, x },
    )
  r.heading('Weights', 11, 150)
  const top = r.y
  weightTable(
    [
      ['Data sensitivity', weights.exposure.dataSensitivity],
      ['Records held', weights.exposure.dataVolume],
      ['Data location (vendor’s own weighs 3×)', weights.exposure.dataLocation],
      ['Network access', weights.exposure.networkAccess],
      ['Business criticality', weights.exposure.criticality],
      ['Fourth parties (sub-processors)', weights.exposure.fourthParties],
    ],
    'Exposure factor',
    LEFT,
  )
  const afterLeft = r.y
  r.y = top
  weightTable(
    [
      ['Baseline', weights.likelihood.baseline],
      ['Incidents', weights.likelihood.incidents],
      ['Notification speed', weights.likelihood.slowNotification],
      ['MFA not enforced', weights.likelihood.missingMfa],
      ['Data not encrypted at rest', weights.likelihood.missingEncryption],
      ['Stale assessment', weights.likelihood.staleAssessment],
      ['Certifications (subtract)', weights.likelihood.certifications],
    ],
    'Likelihood factor',
    LEFT + half + 15,
  )
  r.y = Math.max(afterLeft, r.y)
  r.paragraph(
    'An incident weighs severity × kind × records exposed × status × decay; open incidents do not decay.',
    { size: 8.5, colour: MUTED },
  )
  r.heading('Parameters and tiers', 11, 120)
  r.table(
    [
      { header: 'Parameter', width: 300 },
      { header: 'Value', width: 195, align: 'right' },
    ],
    [
      ['Incident half-life once no longer open', `${weights.incidentHalfLifeDays} days`],
      ['Notification grace period', `${weights.notificationGraceDays} days`],
      ['Assessment counts as stale after', `${weights.assessmentMaxAgeDays} days`],
      ...TIERS.map((tier): [string, string] => [
        `${TIER_NAMES[tier]}: score ${tier === 'low' ? `below ${weights.tierCutoffs.medium}` : `≥ ${weights.tierCutoffs[tier]}`}`,
        `review every ${REVIEW_CADENCE_DAYS[tier]} days`,
      ]),
    ],
    { size: 8.5 },
  )
  r.heading('Point in time and integrity', 11)
  r.paragraph(
    `The register is reconstructed as it stood at the end of ${facts.asOf} (UTC) from the hash-chained audit ` +
      'log, which records the before and after of every change to a vendor, its incidents, reviews, risk ' +
      'acceptance and the scoring model: each vendor’s document is replayed to that day and scored for that day ' +
      'with the weights in force then. Incidents dated after the day count for nothing. The trend comes from the ' +
      'score snapshots recorded each day.',
  )
  r.paragraph(
    `The export read the audit log up to entry ${formatWhole(facts.auditSeq)} (head ${facts.auditHead}). ` +
      'GET /api/audit-log/verify checks the chain; the SHA-256 of this file is in the export manifest and in the ' +
      'audit log’s export.create entry.',
  )
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no')

function appendix(r: Report, input: ReportInput, f: Figures, appendixVendors: RegisterEntry[]) {
  const { asOf } = input.register
  const severe = f.portfolio.filter((e) => e.score.tier === 'critical' || e.score.tier === 'high')
  r.newPage()
  r.heading('Appendix: critical and high vendors', 16)
  r.paragraph(
    appendixVendors.length < severe.length
      ? `The ${formatWhole(appendixVendors.length)} riskiest of ${formatWhole(severe.length)} critical and high vendors, one section each; the full register is in the CSV, XLSX and JSON exports.`
      : `All ${formatWhole(severe.length)} critical and high vendors, one section each, riskiest first.`,
    { colour: MUTED },
  )
  appendixVendors.forEach((e, i) => {
    const { vendor } = e
    const score = input.register.explain(e)
    const factors = score.factors.filter((x) => x.points !== 0)
    // Keep a vendor's heading with its facts: start a new page unless the first part fits.
    r.room(150)
    const { doc } = r
    r.y += 6
    doc.rect(LEFT, r.y, 5, 16).fill(TIER_COLOURS[score.tier])
    r.font('bold', 12, INK)
    r.cell(`${i + 1}. ${vendor.name}`, LEFT + 10, r.y + 2, WIDTH - 160)
    r.cell(`${TIER_NAMES[score.tier]} · ${one(score.score)}`, LEFT + WIDTH - 150, r.y + 2, 150, 'right')
    r.y += 22
    r.paragraph(
      `${vendor.id} · ${vendor.category} · owner ${vendor.owner} · ${VENDOR_STATUS_LABELS[vendor.status]} · ` +
        `exposure ${one(score.exposure)}, likelihood ${one(score.likelihood)}`,
      { size: 8.5, colour: MUTED, gap: 4 },
    )
    const a = vendor.access
    const c = vendor.controls
    const review = reviewStatus(c.lastAssessedAt, score.tier, asOf)
    const open = vendor.incidents.filter((x) => x.status === 'open' && x.occurredAt <= asOf)
    const facts: [string, string][] = [
      [
        'Access',
        `${a.dataClasses.length === 0 ? 'no data' : a.dataClasses.map((d) => DATA_CLASS_LABELS[d]).join(', ')}; ` +
          `${formatWhole(a.records)} records; ${DATA_LOCATION_LABELS[a.dataLocation]}; network: ` +
          `${NETWORK_ACCESS_LABELS[a.networkAccess]}; criticality ${CRITICALITY_LABELS[a.criticality].toLowerCase()}` +
          (a.fourthParties.length > 0 ? `; sub-processors: ${a.fourthParties.join(', ')}` : ''),
      ],
      [
        'Controls',
        `${c.certifications.length === 0 ? 'no certifications' : c.certifications.map((x) => CERTIFICATION_LABELS[x]).join(', ')}; ` +
          `MFA ${yesNo(c.mfa)}; encryption at rest ${yesNo(c.encryptionAtRest)}`,
      ],
      [
        'Reviews',
        c.lastAssessedAt === undefined
          ? 'never assessed: due now'
          : `last ${c.lastAssessedAt}; next due ${review.dueOn}${review.overdue ? ' (overdue)' : ''}`,
      ],
      [
        'Open incidents',
        open.length === 0
          ? 'none'
          : open
              .map(
                (x) =>
                  `${x.occurredAt} ${INCIDENT_KIND_LABELS[x.kind].toLowerCase()} (${SEVERITY_LABELS[x.severity].toLowerCase()}, ` +
                  `${formatCompact(x.recordsExposed)} records, ${INCIDENT_STATUS_LABELS[x.status].toLowerCase()})`,
              )
              .join('; '),
      ],
      ...(e.riskAcceptance && e.riskAcceptance.until >= asOf
        ? [
            [
              'Risk accepted',
              `until ${e.riskAcceptance.until} by ${e.riskAcceptance.acceptedBy}: ${e.riskAcceptance.note}`,
            ] as [string, string],
          ]
        : []),
    ]
    for (const [label, value] of facts) {
      const height = r.heightOf(value, WIDTH - 85, 8.5)
      r.room(height + 4)
      r.font('bold', 8.5, MUTED)
      doc.text(label, LEFT, r.y, { width: 80, lineBreak: false })
      r.font('regular', 8.5, INK)
      doc.text(r.safe(value), LEFT + 85, r.y, { width: WIDTH - 85, lineGap: 1 })
      r.y += height + 4
    }
    r.y += 2
    r.table(
      [
        { header: 'Factor', width: 120 },
        { header: 'Points', width: 45, align: 'right' },
        { header: 'Why', width: 330 },
      ],
      factors.map((x) => [x.label, formatPoints(x.points), x.detail]),
      { wrapLast: true, size: 7.5 },
    )
  })
}

// ---- The document ---------------------------------------------------------------------------------------

/** What the PDF's metadata carries: the manifest as far as it can be known inside the file itself. */
export function embeddedManifest(facts: ExportFacts, rows: number) {
  return {
    id: facts.id,
    kind: 'register',
    format: 'pdf',
    asOf: facts.asOf,
    rows,
    createdBy: facts.createdBy,
    createdAt: facts.createdAt,
    auditHead: facts.auditHead,
    auditSeq: facts.auditSeq,
    modelVersion: facts.modelVersion,
    modelRevision: facts.modelRevision,
    sha256: 'in the export manifest and the audit log: a file cannot hold its own hash',
  }
}

export async function writeRiskReportPdf(file: ExportFile, input: ReportInput): Promise<number> {
  const { facts, register } = input
  const rows = register.entries.length
  const manifest = embeddedManifest(facts, rows)
  const report = new Report({
    Title: `Vendor risk report as of ${facts.asOf}`,
    Author: facts.createdBy,
    Subject: `Vendor register as of ${facts.asOf}: ${rows} vendors; model ${facts.modelVersion} revision ${facts.modelRevision}; audit head ${facts.auditHead}`,
    Keywords: [
      'vendor-risk-export',
      `id=${facts.id}`,
      `asOf=${facts.asOf}`,
      `rows=${rows}`,
      `modelVersion=${facts.modelVersion}`,
      `modelRevision=${facts.modelRevision}`,
      `auditHead=${facts.auditHead}`,
      `auditSeq=${facts.auditSeq}`,
    ].join(' '),
    Creator: 'Vendor Risk',
    CreationDate: new Date(facts.createdAt),
    ModDate: new Date(facts.createdAt),
  })
  // A custom key of the document information dictionary; `pdfinfo -custom` shows it.
  ;(report.doc.info as Record<string, unknown>).VendorRiskManifest = JSON.stringify(manifest)
  report.doc.pipe(file.stream)

  const figures = figuresOf(register)
  const appendixVendors = figures.portfolio
    .filter((e) => e.score.tier === 'critical' || e.score.tier === 'high')
    .slice(0, APPENDIX_LIMIT)

  cover(report, input, figures)
  executiveSummary(report, input, figures)
  report.newPage()
  report.heading('Charts', 16)
  tierChart(report, figures)
  riskMap(report, figures, register.weights)
  await yieldToEventLoop()
  report.newPage()
  trendChart(report, input.trend)
  topRisks(report, figures, register)
  methodology(report, input)
  await yieldToEventLoop()
  appendix(report, input, figures, appendixVendors)
  report.numberPages(facts)

  const ended = new Promise<void>((resolve, reject) => {
    file.stream.once('finish', resolve)
    file.stream.once('error', reject)
  })
  report.doc.end()
  await ended
  return rows
}
