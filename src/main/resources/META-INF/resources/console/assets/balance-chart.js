// Draws each balance chart from the table beside it: the table is what screen readers and
// browsers without scripts read; the chart is drawn from the same figures (uPlot, from the
// uplot webjar). Months are evenly spaced, one per row of the table. Nothing here talks to
// the server.
(function () {
  'use strict';

  function draw(figure) {
    const table = document.getElementById(figure.dataset.balanceChart);
    const canvas = figure.querySelector('.chart-canvas');
    if (!table || !canvas || typeof uPlot === 'undefined') {
      return;
    }
    const rows = Array.from(table.tBodies[0].rows);
    const months = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    const positions = rows.map(function (row, index) { return index; });
    const column = function (index) {
      return rows.map(function (row) { return Number(row.cells[index].dataset.value); });
    };
    const headers = table.tHead.rows[0].cells;
    const lang = document.documentElement.lang || 'fr';
    const money = new Intl.NumberFormat(lang, { style: 'currency', currency: figure.dataset.currency, maximumFractionDigits: 0 });
    const width = Math.max(280, Math.min(canvas.clientWidth || figure.clientWidth || 640, 900));
    // At most about eight month labels, whatever the history's length.
    const every = Math.max(1, Math.ceil(months.length / 8));
    new uPlot({
      width: width,
      height: 220,
      series: [
        { label: headers[0].textContent, value: function (u, v) { return v == null ? '' : months[v]; } },
        { label: headers[1].textContent, stroke: '#00509e', width: 2, fill: 'rgba(0,80,158,0.08)',
          points: { size: 7 }, value: function (u, v) { return v == null ? '' : money.format(v); } },
        { label: headers[2].textContent, stroke: '#b35c00', width: 2, dash: [6, 4],
          points: { size: 7 }, value: function (u, v) { return v == null ? '' : money.format(v); } }
      ],
      scales: { x: { time: false, range: function () { return [-0.5, months.length - 0.5]; } } },
      axes: [
        { splits: function () { return positions.filter(function (p) { return p % every === 0; }); },
          values: function (u, ticks) { return ticks.map(function (t) { return months[t] || ''; }); } },
        { size: 90, values: function (u, ticks) { return ticks.map(function (t) { return money.format(t); }); } }
      ]
    }, [positions, column(1), column(2)], canvas);
  }

  document.querySelectorAll('[data-balance-chart]').forEach(draw);
}());
