import { formatPercent } from '../../engine/format';
import type { Language } from '../../engine/types';

export interface ChartRow {
  id: string;
  /** The section's number, as in its heading and in the table beside the chart. */
  number: number;
  /** 0 to 1; null when nothing in the section is assessed. */
  score: number | null;
}

const ROW = 22;
const LABEL = 30;
const BAR = 236;
const WIDTH = LABEL + BAR + 50;

/** The report's colours and thresholds (src/report/parts.ts): good from 80 %, partial from 50 %. */
function colourOf(score: number): string {
  if (score >= 0.8) return 'var(--ok)';
  if (score >= 0.5) return 'var(--warn)';
  return 'var(--bad)';
}

/**
 * Conformity by section as horizontal bars, for the eye only: the table beside it holds the same figures, so the
 * picture is hidden from assistive technology rather than described twice.
 */
export function ConformityChart({
  rows,
  caption,
  language,
}: {
  rows: ChartRow[];
  caption: string;
  language: Language;
}) {
  const height = rows.length * ROW;
  return (
    <figure className="conformity-chart" aria-hidden="true">
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" focusable="false" aria-hidden="true">
        {rows.map((row, i) => {
          const y = i * ROW;
          return (
            <g key={row.id} data-section={row.id}>
              <text x={LABEL - 6} y={y + 15} textAnchor="end" className="chart-label">
                {row.number}
              </text>
              <rect x={LABEL} y={y + 5} width={BAR} height={12} rx={2} className="chart-track" />
              {row.score !== null && row.score > 0 && (
                <rect x={LABEL} y={y + 5} width={BAR * row.score} height={12} rx={2} fill={colourOf(row.score)} />
              )}
              <text x={LABEL + BAR + 6} y={y + 15} className="chart-value">
                {row.score === null ? '—' : formatPercent(row.score, language)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
