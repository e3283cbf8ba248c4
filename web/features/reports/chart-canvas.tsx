// A chart on a canvas that assistive technology reads as one image with a summary (role="img", named by
// the summary given as its fallback content, where data such as agency names can carry lang="vi"). The page always shows the same numbers in a
// table beside it: the table is the accessible view, the chart a picture of it. chart.js comes in
// its own chunk (chart-setup.ts), fetched the first time a chart is drawn.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Chart } from './chart-setup.ts';

type ChartModule = { Chart: typeof Chart };
let loading: Promise<ChartModule> | null = null;

function loadCharts(): Promise<ChartModule> {
  loading ??= import('./chart-setup.ts').catch((error: unknown) => {
    loading = null; // try again next time (offline for a moment)
    throw error;
  });
  return loading;
}

export type ChartSeries = { label: string; values: number[]; color: string | string[] };

export type ChartSpec = {
  kind: 'bar' | 'doughnut';
  labels: string[];
  series: ChartSeries[];
  /** Bars from left to right, one row per label: long Vietnamese labels stay readable. */
  horizontal?: boolean;
};

// The page's text colour and font, so the chart's words read like the rest of the page.
const TEXT = '#1a1d21';
const GRID = '#c5ced9';

/** A long label as lines of at most `width` characters (whole words), so narrow screens keep it. */
function wrapLabel(label: string, width = 20): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function draw(charts: ChartModule, canvas: HTMLCanvasElement, spec: ChartSpec): { destroy: () => void } {
  const { Chart } = charts;
  const font = { family: getComputedStyle(document.body).fontFamily, size: 13 };
  const legend = { labels: { color: TEXT, font } };
  if (spec.kind === 'doughnut') {
    const s = spec.series[0]!;
    return new Chart(canvas, {
      type: 'doughnut',
      data: {
        labels: spec.labels,
        datasets: [{ label: s.label, data: s.values, backgroundColor: s.color, borderColor: '#ffffff' }],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { ...legend, position: 'right' } },
      },
    });
  }
  const value = { beginAtZero: true, ticks: { precision: 0, color: TEXT, font }, grid: { color: GRID } };
  // Every label shown (chart.js would skip some when they crowd): the box is tall enough for them.
  const category = { ticks: { color: TEXT, font, autoSkip: false }, grid: { display: false } };
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels.map((l) => wrapLabel(l)),
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: s.color,
        maxBarThickness: 28,
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: spec.horizontal ? { x: value, y: category } : { x: category, y: value },
      plugins: { legend: { ...legend, display: spec.series.length > 1 } },
    },
  });
}

export function ChartCanvas({
  spec,
  summary,
  height,
  unavailable,
}: {
  /** Memoise it: a new object draws the chart again. */
  spec: ChartSpec;
  /** What the chart shows, in words (its accessible name); names that are data in `<span lang="vi">`. */
  summary: ReactNode;
  /** In CSS pixels; the width follows the page. */
  height: number;
  /** Said when chart.js cannot be fetched; the table still has the numbers. */
  unavailable: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const summaryId = useId();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let chart: { destroy: () => void } | null = null;
    let cancelled = false;
    loadCharts().then(
      (charts) => {
        if (cancelled || !canvas.current) return;
        setFailed(false);
        chart = draw(charts, canvas.current, spec);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [spec]);

  return (
    <>
      <div className="chart-box" style={{ height }}>
        <canvas ref={canvas} role="img" aria-labelledby={summaryId}>
          <span id={summaryId}>{summary}</span>
        </canvas>
      </div>
      {failed ? <p className="note">{unavailable}</p> : null}
    </>
  );
}
