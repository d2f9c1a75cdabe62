// 汇总排名 bar chart: each unit's total in rank order, read from the page's JSON data block.
(function () {
  "use strict";
  var holder = document.getElementById("ranking-chart");
  var source = document.getElementById("ranking-data");
  if (!holder || !source || typeof echarts === "undefined") {
    return;
  }
  var rows = JSON.parse(source.textContent);
  if (!rows.length) {
    return;
  }
  holder.style.height = Math.max(240, rows.length * 28 + 80) + "px";
  var chart = echarts.init(holder, null, { renderer: "canvas" });
  chart.setOption({
    animation: false,
    grid: { left: 140, right: 60, top: 20, bottom: 30 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", name: "总分" },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map(function (row) { return row.unit; }),
    },
    series: [{
      type: "bar",
      name: "总分",
      data: rows.map(function (row) {
        return {
          value: Number(row.total),
          itemStyle: { color: row.vetoes.length ? "#adb5bd" : "#a4282d" },
        };
      }),
      label: { show: true, position: "right" },
    }],
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
