// Inline SVG charts for the figures people would rather look at than read: horizontal bars, and
// stacked bars for the follow-up outcomes across runs. Each chart is an image with a title and a
// short description for assistive technologies, and comes with the table of its data (RGAA 1.3, 4.x).
import { table } from './components.ts';
import { type Html, html } from './html.ts';

export interface Bar {
  label: string;
  /** null: a suppressed figure (statistical secrecy), drawn as no bar and said in the table. */
  value: number | null;
}

const WIDTH = 720;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 90;
const ROW = 28;
const BAR = 18;

let chartCount = 0;
const nextId = () => `graphique-${++chartCount}`;

/** A bar chart of one series, followed by its data table. */
export function barChart(options: {
  title: string;
  description: string;
  bars: readonly Bar[];
  format: (value: number) => string;
  valueLabel: string;
  suppressedText: string;
  /** A table that already holds the chart's data, shown in place of the default one. */
  dataTable?: Html;
}): Html {
  const { bars, format } = options;
  const id = nextId();
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + 8;
  const chart = html`<figure class="fr-my-2w">
    <figcaption class="fr-h6 fr-mb-1w" id="${id}-titre">${options.title}</figcaption>
    <svg class="console-chart" role="img" aria-labelledby="${id}-titre ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">
      <desc id="${id}-desc">${options.description}</desc>
      <line class="console-axis" x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" />
      ${bars.map((b, i) => {
        const y = i * ROW + 4;
        const w = b.value === null ? 0 : Math.max(b.value > 0 ? 2 : 0, (b.value / max) * span);
        return html`<text x="${LABEL_WIDTH - 8}" y="${y + BAR - 4}" text-anchor="end">${b.label}</text>
          <rect class="console-bar" x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" />
          <text x="${LABEL_WIDTH + w + 6}" y="${y + BAR - 4}">${b.value === null ? options.suppressedText : format(b.value)}</text>`;
      })}
    </svg>
  </figure>`;
  const data =
    options.dataTable ??
    table(
      `Données du graphique : ${options.title}`,
      [
        { label: 'Catégorie', cell: (b: Bar) => b.label },
        {
          label: options.valueLabel,
          cell: (b) => (b.value === null ? options.suppressedText : format(b.value)),
          numeric: true,
        },
      ],
      bars,
    );
  return besideItsData(chart, data);
}

/** The chart and its table side by side on wide screens, one after the other on narrow ones. */
const besideItsData = (chart: Html, data: Html) =>
  html`<div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">
    <div class="fr-col-12 fr-col-xl-7">${chart}</div>
    <div class="fr-col-12 fr-col-xl-5">${data}</div>
  </div>`;

export interface Stack {
  label: string;
  /** One value per series, in the order of the series; null when suppressed. */
  values: readonly (number | null)[];
}

/** Stacked horizontal bars (one per row, e.g. a run) split by series (e.g. outcomes), with a legend. */
export function stackedChart(options: {
  title: string;
  description: string;
  series: readonly { label: string; colour: string }[];
  stacks: readonly Stack[];
  /** The header of the table's first column, which holds the stack labels. */
  stackLabel: string;
  format: (value: number) => string;
  suppressedText: string;
}): Html {
  const { stacks, series, format } = options;
  const id = nextId();
  const totals = stacks.map((s) => s.values.reduce<number>((sum, v) => sum + (v ?? 0), 0));
  const max = Math.max(1, ...totals);
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = stacks.length * ROW + 8;
  return html`<figure class="fr-my-4w">
    <figcaption class="fr-h6 fr-mb-1w" id="${id}-titre">${options.title}</figcaption>
    <ul class="console-legend" aria-hidden="true">
      ${series.map((s) => html`<li><span class="console-swatch" style="background:${s.colour}"></span>${s.label}</li>`)}
    </ul>
    <svg class="console-chart" role="img" aria-labelledby="${id}-titre ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">
      <desc id="${id}-desc">${options.description}</desc>
      <line class="console-axis" x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" />
      ${stacks.map((s, i) => {
        const y = i * ROW + 4;
        let x = LABEL_WIDTH;
        const segments = s.values.map((v, j) => {
          const w = ((v ?? 0) / max) * span;
          const rect = html`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${series[j]!.colour}" stroke="#fff" stroke-width="1" />`;
          x += w;
          return rect;
        });
        return html`<text x="${LABEL_WIDTH - 8}" y="${y + BAR - 4}" text-anchor="end">${s.label}</text>${segments}
          <text x="${x + 6}" y="${y + BAR - 4}">${format(totals[i]!)}</text>`;
      })}
    </svg>
  </figure>
  ${table(
    `Données du graphique : ${options.title}`,
    [
      { label: options.stackLabel, cell: (s: Stack) => s.label },
      ...series.map((serie, j) => ({
        label: serie.label,
        cell: (s: Stack) => {
          const v = s.values[j];
          return v === null || v === undefined ? options.suppressedText : format(v);
        },
        numeric: true,
      })),
    ],
    stacks,
  )}`;
}
