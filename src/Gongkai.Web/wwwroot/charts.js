// Draws the charts of a page with Apache ECharts. Each chart is a <div data-chart="kind"> next to a
// <script type="application/json" id="<div id>-data"> block that the server wrote.
(function () {
  'use strict';
  const palette = ['#8c1d18', '#2f6fb0', '#b26a00', '#3b8a4a', '#6b4fa0', '#6b7280', '#c0587e', '#1f8a8a'];

  function number(v) { return v === null || v === undefined ? '—' : v; }

  const builders = {
    // { years: [..], series: [{ name, kind: 'line'|'bar', values: [..] }] }
    trend: d => ({
      color: palette,
      tooltip: { trigger: 'axis', valueFormatter: number },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: d.years.map(String) },
      yAxis: { type: 'value', minInterval: 1 },
      series: d.series.map(s => ({ name: s.name, type: s.kind || 'line', data: s.values, connectNulls: false, barMaxWidth: 36 })),
    }),
    // { items: [{ name, value }] }
    pie: d => ({
      color: palette,
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: d.items, label: { formatter: '{b}\n{c}' } }],
    }),
    // { items: [{ name, value }] } drawn as horizontal bars
    bars: d => ({
      color: palette,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: d.items.map(i => i.name), inverse: true },
      series: [{ type: 'bar', data: d.items.map(i => i.value), label: { show: true, position: 'right' } }],
    }),
  };

  function draw() {
    if (typeof echarts === 'undefined') return;
    document.querySelectorAll('[data-chart]').forEach(el => {
      const source = document.getElementById(el.id + '-data');
      const build = builders[el.getAttribute('data-chart')];
      if (!source || !build) return;
      const chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(build(JSON.parse(source.textContent)));
      el.setAttribute('data-rendered', 'true');
      window.addEventListener('resize', () => chart.resize());
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
