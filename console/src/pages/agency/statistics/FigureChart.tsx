// One chart of the statistics, drawn on a canvas; the canvas is an image named for screen readers, whose
// figures are in the table that follows it (a chart alone is not accessible).
import { useEffect, useRef } from 'react';
import { Chart } from './registerCharts.ts';

export interface Figures {
  labels: string[];
  values: number[];
}

export function FigureChart({ kind, figures, label, description }: { kind: 'line' | 'bar'; figures: Figures; label: string; description: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: kind,
      data: { labels: figures.labels, datasets: [{ label, data: figures.values, borderColor: '#0b5cad', backgroundColor: kind === 'bar' ? '#4a8fd4' : '#0b5cad', tension: 0.2 }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: kind === 'bar' && figures.labels.length > 6 ? 'y' : 'x',
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: false } },
      },
    });
    return () => chart.destroy();
  }, [kind, figures, label]);
  return (
    <div className="agency-chart">
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}
