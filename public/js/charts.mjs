// Draws the charts from the JSON the server embedded once (src/report/charts.ts shapes it).
// Colour is never the only cue: bars carry hatching patterns and lines carry dash styles and
// point shapes, the palette is Okabe-Ito (colour-blind safe), and every chart has its table.
const Chart = window.Chart;
// One block of chart data per report (#chart-data); the bilingual report has one in each language's half.
const sources = [...new Set([document.getElementById('chart-data'), ...document.querySelectorAll('script.app-chart-data')])].filter(
  Boolean,
);

// Numbers in the language of the chart's own part of the page: a bilingual report half's lang, else <html lang> ("en-GB" or "cy").
const localeOf = (element) => element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en-GB';

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 2]];
const POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'];
const PATTERNS = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical'];

/** A fill for bars: the colour with a pattern drawn over it, so prints in grey still differ. */
function pattern(colour, kind) {
  if (kind === 'solid') return colour;
  const size = 10;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = 'rgba(255,255,255,0.85)';
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.lineWidth = 2;
  ctx.beginPath();
  if (kind === 'diagonal') {
    ctx.moveTo(0, size);
    ctx.lineTo(size, 0);
    ctx.moveTo(-2, 2);
    ctx.lineTo(2, -2);
    ctx.moveTo(size - 2, size + 2);
    ctx.lineTo(size + 2, size - 2);
  }
  if (kind === 'cross') {
    ctx.moveTo(0, 0);
    ctx.lineTo(size, size);
    ctx.moveTo(0, size);
    ctx.lineTo(size, 0);
  }
  if (kind === 'horizontal') {
    ctx.moveTo(0, size / 2);
    ctx.lineTo(size, size / 2);
  }
  if (kind === 'vertical') {
    ctx.moveTo(size / 2, 0);
    ctx.lineTo(size / 2, size);
  }
  ctx.stroke();
  if (kind === 'dots') {
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, 2, 0, Math.PI * 2);
    ctx.fill();
  }
  return ctx.createPattern(canvas, 'repeat');
}

function moneyFormatter(words, locale) {
  const whole = new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP', maximumFractionDigits: 1, minimumFractionDigits: 0 });
  const minus = (text) => text.replace(/^-/, '\u2212');
  return (value) => minus(format(value));
  function format(value) {
    const size = Math.abs(value);
    if (size >= 1e9) return whole.format(value / 1e9) + words.billion;
    if (size >= 1e6) return whole.format(value / 1e6) + words.million;
    if (size >= 1e3) return whole.format(Math.round(value / 1e3)) + words.thousand;
    return whole.format(Math.round(value));
  }
}

/** Draws a vertical line at x = 0 on a linear x axis (the histogram's "pays for itself" line). */
const zeroLine = {
  id: 'appZeroLine',
  afterDatasetsDraw(chart, _args, options) {
    if (!options || options.value === undefined) return;
    const scale = chart.scales[options.axis || 'x'];
    if (!scale) return;
    const position = scale.getPixelForValue(options.value);
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = '#0b0c0c';
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 3]);
    ctx.beginPath();
    ctx.moveTo(position, top);
    ctx.lineTo(position, bottom);
    ctx.stroke();
    if (options.label) {
      ctx.setLineDash([]);
      ctx.fillStyle = '#0b0c0c';
      ctx.font = '14px system-ui, sans-serif';
      ctx.fillText(options.label, position + 4, top + 14);
    }
    ctx.restore();
  },
};

function baseOptions(words, money) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { position: 'bottom', labels: { usePointStyle: true, color: '#0b0c0c', font: { size: 14 } } },
      tooltip: {
        callbacks: {
          label: (item) =>
            `${item.dataset.label}: ${money(Array.isArray(item.raw) ? item.raw[1] - item.raw[0] : (item.parsed.y ?? item.parsed.x))}`,
        },
      },
    },
    scales: {
      x: { ticks: { color: '#0b0c0c' }, grid: { color: '#e5e5e5' } },
      y: {
        ticks: { color: '#0b0c0c', callback: (value) => money(value) },
        title: { display: true, text: words.pounds, color: '#0b0c0c' },
        grid: { color: '#d0d0d0' },
      },
    },
  };
}

function fanConfig(spec, words, money) {
  const options = baseOptions(words, money);
  options.scales.x.title = { display: true, text: words.financialYear, color: '#0b0c0c' };
  const datasets = [];
  if (spec.bands) {
    const band = (data, label, fill, colour) => ({
      label,
      data,
      borderWidth: 0,
      pointRadius: 0,
      fill,
      backgroundColor: colour,
      borderColor: colour,
    });
    datasets.push(band(spec.bands.p95, spec.names.ninety, '+4', 'rgba(0,114,178,0.18)'));
    datasets.push(band(spec.bands.p75, spec.names.middleHalf, '+2', 'rgba(0,114,178,0.38)'));
    datasets.push({
      label: spec.names.median,
      data: spec.bands.p50,
      borderColor: '#0072B2',
      backgroundColor: '#0072B2',
      borderWidth: 3,
      pointStyle: 'circle',
      pointRadius: 3,
      fill: false,
    });
    datasets.push({ ...band(spec.bands.p25, '', false, 'rgba(0,114,178,0.38)'), hiddenInLegend: true });
    datasets.push({ ...band(spec.bands.p5, '', false, 'rgba(0,114,178,0.18)'), hiddenInLegend: true });
  }
  datasets.push({
    label: spec.central.name,
    data: spec.central.values,
    borderColor: '#D55E00',
    backgroundColor: '#D55E00',
    borderDash: [8, 4],
    borderWidth: 2,
    pointStyle: 'rect',
    pointRadius: 4,
    fill: false,
  });
  options.plugins.legend.labels.filter = (item, data) => !data.datasets[item.datasetIndex].hiddenInLegend;
  return { type: 'line', data: { labels: spec.labels, datasets }, options };
}

function histogramConfig(spec, words, money) {
  const options = baseOptions(words, money);
  const loses = spec.bins.map((bin) => ({ x: (bin.from + bin.to) / 2, y: (bin.from + bin.to) / 2 < 0 ? bin.count : 0 }));
  const pays = spec.bins.map((bin) => ({ x: (bin.from + bin.to) / 2, y: (bin.from + bin.to) / 2 >= 0 ? bin.count : 0 }));
  const width = spec.bins.length > 0 ? spec.bins[0].to - spec.bins[0].from : 1;
  options.scales.x = {
    type: 'linear',
    offset: false,
    ticks: { color: '#0b0c0c', callback: (value) => money(value) },
    title: { display: true, text: words.pounds, color: '#0b0c0c' },
    grid: { color: '#e5e5e5' },
  };
  options.scales.y = {
    ticks: { color: '#0b0c0c', precision: 0 },
    title: { display: true, text: words.simulations, color: '#0b0c0c' },
    stacked: false,
  };
  options.plugins.tooltip = {
    callbacks: {
      title: (items) => money(items[0].parsed.x - width / 2) + ' – ' + money(items[0].parsed.x + width / 2),
      label: (item) => `${item.dataset.label}: ${item.parsed.y}`,
    },
  };
  options.plugins.appZeroLine = { value: 0, label: '£0' };
  const bar = { barPercentage: 1, categoryPercentage: 1, borderWidth: 1, borderColor: '#ffffff', grouped: false };
  return {
    type: 'bar',
    data: {
      datasets: [
        { ...bar, label: spec.names.loses, data: loses, backgroundColor: pattern('#D55E00', 'diagonal') },
        { ...bar, label: spec.names.pays, data: pays, backgroundColor: pattern('#0072B2', 'solid') },
      ],
    },
    options,
    plugins: [zeroLine],
  };
}

function tornadoConfig(spec, words, money, canvas) {
  const options = baseOptions(words, money);
  // Labels wrap to the box's width (never clipped), and the box grows to hold them (CSSOM, so the CSP allows it).
  const width = canvas && canvas.parentElement ? canvas.parentElement.clientWidth : 960;
  const perLine = width < 420 ? 14 : width < 700 ? 22 : 32;
  const labels = spec.labels.map((label) => wrap(label, perLine));
  if (canvas && canvas.parentElement) {
    const lines = labels.reduce((sum, label) => sum + label.length, 0);
    canvas.parentElement.style.height = `${Math.max(360, lines * 18 + spec.labels.length * 14 + 110)}px`;
  }
  options.indexAxis = 'y';
  options.scales = {
    x: {
      ticks: { color: '#0b0c0c', callback: (value) => money(value) },
      title: { display: true, text: words.pounds, color: '#0b0c0c' },
      grid: { color: '#d0d0d0' },
    },
    y: { ticks: { color: '#0b0c0c', autoSkip: false }, stacked: true, grid: { display: false } },
  };
  options.plugins.appZeroLine = { value: spec.central, axis: 'x' };
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: spec.names.atLow,
          data: spec.atLow.map((v) => [spec.central, v]),
          backgroundColor: pattern('#D55E00', 'diagonal'),
          borderColor: '#D55E00',
          borderWidth: 1,
        },
        {
          label: spec.names.atHigh,
          data: spec.atHigh.map((v) => [spec.central, v]),
          backgroundColor: pattern('#0072B2', 'solid'),
          borderColor: '#0072B2',
          borderWidth: 1,
        },
      ],
    },
    options,
    plugins: [zeroLine],
  };
}

function barsConfig(spec, words, money) {
  const options = baseOptions(words, money);
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series, i) => ({
        label: series.name,
        data: series.values,
        backgroundColor: pattern(PALETTE[i % PALETTE.length], PATTERNS[i % PATTERNS.length]),
        borderColor: PALETTE[i % PALETTE.length],
        borderWidth: 1,
      })),
    },
    options,
  };
}

function linesConfig(spec, words, money) {
  const options = baseOptions(words, money);
  options.scales.x.title = { display: true, text: words.financialYear, color: '#0b0c0c' };
  return {
    type: 'line',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series, i) => ({
        label: series.name,
        data: series.values,
        borderColor: PALETTE[i % PALETTE.length],
        backgroundColor: PALETTE[i % PALETTE.length],
        borderDash: DASHES[i % DASHES.length],
        borderWidth: i === 0 ? 4 : 2,
        pointStyle: POINTS[i % POINTS.length],
        pointRadius: 4,
        fill: false,
      })),
    },
    options,
  };
}

/** Splits a long label into lines of about `width` characters, for a category axis. */
function wrap(label, width = 32) {
  const lines = [];
  let line = '';
  for (const word of String(label).split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Expected against actual, period by period: the P10-P90 range as a shaded bar, its middle (P50)
 * as a dash across it, and the reported count as a marker whose shape says where it falls
 * (circle within the range, triangle up above it, triangle down below it).
 */
function trackerConfig(spec, _words, _money, _canvas, locale) {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const only = (wanted) => spec.observed.map((value, i) => (spec.position[i] === wanted ? value : null));
  const marker = (wanted, label, pointStyle, colour, rotation) => ({
    type: 'line',
    label,
    data: only(wanted),
    showLine: false,
    pointStyle,
    pointRotation: rotation,
    pointRadius: 8,
    pointHoverRadius: 10,
    borderColor: '#0b0c0c',
    borderWidth: 1.5,
    backgroundColor: colour,
    order: 0,
  });
  const datasets = [
    {
      type: 'bar',
      label: spec.names.band,
      data: spec.p10.map((low, i) => (low === null || spec.p90[i] === null ? null : [low, spec.p90[i]])),
      backgroundColor: 'rgba(0,114,178,0.25)',
      borderColor: 'rgba(0,114,178,0.7)',
      borderWidth: 1,
      barPercentage: 0.5,
      categoryPercentage: 1,
      order: 2,
    },
    {
      type: 'line',
      label: spec.names.median,
      data: spec.p50,
      showLine: false,
      pointStyle: 'line',
      pointRadius: 22,
      pointHoverRadius: 22,
      borderColor: '#0072B2',
      backgroundColor: '#0072B2',
      borderWidth: 3,
      order: 1,
    },
    marker('within', spec.names.within, 'circle', '#ffffff', 0),
  ];
  if (spec.position.includes('above')) datasets.push(marker('above', spec.names.above, 'triangle', '#D55E00', 0));
  if (spec.position.includes('below')) datasets.push(marker('below', spec.names.below, 'triangle', '#E69F00', 180));
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, pointStyleWidth: 22, color: '#0b0c0c', font: { size: 14 } } },
        tooltip: {
          filter: (item) => item.raw !== null,
          callbacks: {
            label: (item) =>
              `${item.dataset.label}: ${Array.isArray(item.raw) ? `${count.format(item.raw[0])} – ${count.format(item.raw[1])}` : count.format(item.parsed.y)}`,
          },
        },
      },
      scales: {
        x: { ticks: { color: '#0b0c0c', autoSkip: false, maxRotation: 0 }, grid: { color: '#e5e5e5' } },
        y: {
          beginAtZero: true,
          grace: '10%',
          ticks: { color: '#0b0c0c', precision: 0 },
          title: { display: true, text: spec.names.axis, color: '#0b0c0c' },
          grid: { color: '#d0d0d0' },
        },
      },
    },
  };
}

/** One horizontal bar per item, longest first (what knowing each assumption is worth). */
function hbarsConfig(spec, words, money, canvas) {
  const options = baseOptions(words, money);
  const narrow = canvas && canvas.parentElement && canvas.parentElement.clientWidth < 600;
  // Room for every wrapped label: the box grows with the number of bars (CSSOM, so the CSP allows it).
  if (canvas && canvas.parentElement)
    canvas.parentElement.style.height = `${Math.max(300, spec.labels.length * (narrow ? 66 : 48) + 70)}px`;
  options.indexAxis = 'y';
  options.plugins.legend.display = false;
  options.plugins.tooltip = { callbacks: { label: (item) => `${spec.name}: ${money(item.parsed.x)}` } };
  options.scales = {
    x: {
      beginAtZero: true,
      ticks: { color: '#0b0c0c', callback: (value) => money(value) },
      title: { display: true, text: words.pounds, color: '#0b0c0c' },
      grid: { color: '#d0d0d0' },
    },
    y: { ticks: { color: '#0b0c0c', autoSkip: false }, grid: { display: false } },
  };
  return {
    type: 'bar',
    data: {
      labels: spec.labels.map((label) => wrap(label, narrow ? 18 : 32)),
      datasets: [{ label: spec.name, data: spec.values, backgroundColor: '#0072B2', borderColor: '#0072B2', borderWidth: 1 }],
    },
    options,
  };
}

const BUILDERS = {
  fan: fanConfig,
  histogram: histogramConfig,
  tornado: tornadoConfig,
  bars: barsConfig,
  lines: linesConfig,
  tracker: trackerConfig,
  hbars: hbarsConfig,
};

if (Chart && sources.length > 0) {
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  for (const source of sources) {
    const bundle = JSON.parse(source.textContent);
    const locale = localeOf(source);
    const money = moneyFormatter(bundle.words, locale);
    // A block's canvases are in its own half of the page (data-chart-scope), else anywhere on it.
    const scope = source.closest('[data-chart-scope]') || document;
    for (const spec of bundle.charts) {
      const canvas = scope.querySelector(`canvas[data-chart="${spec.id}"]`);
      const build = BUILDERS[spec.kind];
      if (canvas && build) new Chart(canvas, build(spec, bundle.words, money, canvas, locale));
    }
  }
  // Charts redraw at the printed width, so a printout is as sharp as the screen.
  window.addEventListener('beforeprint', () => {
    for (const chart of Object.values(Chart.instances)) chart.resize();
  });
}
