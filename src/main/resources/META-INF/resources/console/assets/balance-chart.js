// Draws each balance chart from the table beside it: the table is what screen readers and
// browsers without scripts read; the chart is drawn from the same figures (uPlot, from the
// uplot webjar). Nothing here talks to the server.
(function () {
  'use strict';

  function draw(figure) {
    const table = document.getElementById(figure.dataset.balanceChart);
    const canvas = figure.querySelector('.chart-canvas');
    if (!table || !canvas || typeof uPlot === 'undefined') {
      return;
    }
    const rows = Array.from(table.tBodies[0].rows);
    const months = rows.map(function (row) { return Date.parse(row.dataset.month + '-15T00:00:00Z') / 1000; });
    const column = function (index) {
      return rows.map(function (row) { return Number(row.cells[index].dataset.value); });
    };
    const headers = table.tHead.rows[0].cells;
    const lang = document.documentElement.lang || 'fr';
    const money = new Intl.NumberFormat(lang, { style: 'currency', currency: figure.dataset.currency, maximumFractionDigits: 0 });
    const month = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const width = Math.max(280, Math.min(canvas.clientWidth || figure.clientWidth || 640, 900));
    new uPlot({
      width: width,
      height: 220,
      series: [
        { label: headers[0].textContent, value: function (u, v) { return v == null ? '' : month.format(new Date(v * 1000)); } },
        { label: headers[1].textContent, stroke: '#00509e', width: 2, fill: 'rgba(0,80,158,0.08)',
          value: function (u, v) { return v == null ? '' : money.format(v); } },
        { label: headers[2].textContent, stroke: '#b35c00', width: 2, dash: [6, 4],
          value: function (u, v) { return v == null ? '' : money.format(v); } }
      ],
      axes: [
        { values: function (u, ticks) { return ticks.map(function (t) { return month.format(new Date(t * 1000)); }); } },
        { size: 90, values: function (u, ticks) { return ticks.map(function (t) { return money.format(t); }); } }
      ],
      scales: { x: { time: false } }
    }, [months, column(1), column(2)], canvas);
  }

  document.querySelectorAll('[data-balance-chart]').forEach(draw);
}());
