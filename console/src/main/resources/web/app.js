// The console's only script: draws the ECharts charts described by data-chart attributes, asks before
// irreversible actions (data-confirm) and refreshes the wall screen. No inline scripts (CSP).
import './app.css';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLORS = { due: '#5470c6', done: '#91cc75', doneOnTime: '#3ba272', overdue: '#d9534f' };

function trend(el, data) {
  const months = data.map(m => m.month.slice(5) + '月');
  const series = (key, name, type) => ({ name, type, data: data.map(m => m[key]), itemStyle: { color: COLORS[key] } });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [series('due', '应办', 'bar'), series('doneOnTime', '按时办结', 'bar'),
             series('overdue', '逾期', 'line'), series('done', '已办结', 'line')]
  };
}

function bars(el, data) {
  const rows = data.slice(0, 15).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ name: el.dataset.seriesName || '逾期未办', type: 'bar', data: rows.map(r => r.value), barMaxWidth: 28,
               itemStyle: { color: COLORS.overdue }, label: { show: true, position: 'right' } }]
  };
}

function drawCharts() {
  document.querySelectorAll('[data-chart]').forEach(el => {
    const data = JSON.parse(el.dataset.chart);
    const option = el.dataset.kind === 'trend' ? trend(el, data) : bars(el, data);
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    // registered first: without animation the first frame may finish inside setOption
    chart.on('finished', () => { el.dataset.drawn = 'true'; });
    // no entry animation: the numbers are there at once (and the wall screen reloads every minute)
    chart.setOption({ animation: false, ...option });
    window.addEventListener('resize', () => chart.resize());
  });
}

function confirmations() {
  document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', e => {
      if (!window.confirm(form.dataset.confirm)) {
        e.preventDefault();
      }
    });
  });
}

function autoSubmit() {
  document.querySelectorAll('[data-autosubmit]').forEach(el => {
    el.addEventListener('change', () => el.form && el.form.requestSubmit());
  });
}

// Date fields are text in 年-月-日 (a browser's own date field follows the browser's language, mm/dd/yyyy in
// an English one); a button beside each opens the browser's date picker and writes the day back as yyyy-MM-dd.
function datePickers() {
  document.querySelectorAll('input[data-date]').forEach(input => {
    const picker = document.createElement('input');
    picker.type = 'date';
    picker.tabIndex = -1;
    picker.className = 'sr';
    picker.setAttribute('aria-hidden', 'true');
    if (input.dataset.max) picker.max = input.dataset.max;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pick';
    button.textContent = '选择';
    button.setAttribute('aria-label', '用日历选择日期');
    button.addEventListener('click', () => {
      const v = input.value.trim().replace(/[年月/.]/g, '-').replace('日', '');
      if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(v)) {
        const [y, m, d] = v.split('-');
        picker.value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
      }
      if (typeof picker.showPicker === 'function') {
        try { picker.showPicker(); } catch (e) { picker.focus(); }
      }
    });
    picker.addEventListener('change', () => { if (picker.value) input.value = picker.value; });
    input.after(button, picker);
  });
}

document.addEventListener('DOMContentLoaded', () => {
  datePickers();
  drawCharts();
  confirmations();
  autoSubmit();
});
