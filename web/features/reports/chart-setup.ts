// The only place that imports chart.js, and only what the overview draws: bar and doughnut charts
// with their scales, legend and tooltips (tree-shaken registration). Loaded with a dynamic import
// from chart-canvas.tsx, so chart.js is a chunk of its own that only this page fetches.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  Legend,
  Tooltip,
);

export { Chart };
