// Trends charts: drawn from the numbers tables on the page, so chart and table can never disagree.
(function () {
  'use strict';
  function rows(tableId) {
    var out = [];
    var trs = document.querySelectorAll('#' + tableId + ' tbody tr[data-label]');
    for (var i = 0; i < trs.length; i++) {
      out.push({
        label: trs[i].getAttribute('data-label'),
        matching: Number(trs[i].getAttribute('data-matching')),
        total: Number(trs[i].getAttribute('data-total')),
        share: Number(trs[i].getAttribute('data-share'))
      });
    }
    return out;
  }
  function text(s) {
    var d = document.createElement('div');
    d.textContent = s;
    return d.innerHTML;
  }
  function tip(items) {
    var p = items[0];
    var r = p.data.row;
    return '<div class="chart-tip">' + text(r.label) + '<br>匹配报告：' + r.matching + ' 份<br>报告总数：' + r.total +
      ' 份<br>占比：' + (r.share * 100).toFixed(1) + '%</div>';
  }
  var font = '"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif';
  function draw(id, data, shareName) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return; }
    if (data.length === 0) { el.classList.add('chart-empty'); el.textContent = '暂无数据'; return; }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var series = [{
      name: '匹配报告数', type: 'bar', barMaxWidth: 36, itemStyle: { color: '#a61b1b' },
      data: data.map(function (r) { return { value: r.matching, row: r }; })
    }];
    var yAxis = [{ type: 'value', name: '份', minInterval: 1 }];
    if (shareName) {
      series.push({
        name: shareName, type: 'line', yAxisIndex: 1, smooth: false, symbolSize: 8, itemStyle: { color: '#1c4f8c' },
        data: data.map(function (r) { return { value: Math.round(r.share * 1000) / 10, row: r }; })
      });
      yAxis.push({ type: 'value', name: '占比 %', min: 0, max: 100 });
    }
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: font },
      tooltip: { trigger: 'axis', formatter: tip },
      legend: { bottom: 0 },
      grid: { left: 48, right: shareName ? 48 : 16, top: 36, bottom: 84 },
      xAxis: { type: 'category', data: data.map(function (r) { return r.label; }), axisLabel: { interval: 0, rotate: data.length > 6 ? 30 : 0 } },
      yAxis: yAxis,
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  draw('chart-year', rows('table-year'), '占当年报告比例');
  draw('chart-region', rows('table-region'), '占该地区报告比例');
}());
