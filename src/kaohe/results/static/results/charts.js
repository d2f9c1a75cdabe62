// Every chart on a results page: each holder names its kind (data-chart) and the JSON block
// with its numbers (data-source), which the server computed (kaohe.results.charts) and also
// printed in the table beside the chart.
(function () {
  "use strict";
  if (typeof echarts === "undefined") {
    return;
  }
  var RED = "#a4282d";
  var GREY = "#adb5bd";
  var number = Number;

  function bar(rows) {
    return {
      grid: { left: 120, right: 60, top: 10, bottom: 30 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", name: "总分" },
      yAxis: { type: "category", inverse: true, data: rows.map(function (r) { return r.unit; }) },
      series: [{
        type: "bar", name: "总分", label: { show: true, position: "right" },
        data: rows.map(function (r) {
          return { value: number(r.total), itemStyle: { color: r.vetoes.length ? GREY : RED } };
        }),
      }],
    };
  }

  function grades(rows) {
    return {
      tooltip: { trigger: "item", formatter: "{b}：{c} 个（{d}%）" },
      legend: { bottom: 0 },
      series: [{
        type: "pie", radius: ["35%", "65%"], label: { formatter: "{b} {c}" },
        data: rows.map(function (r) { return { name: r.grade, value: r.count }; }),
      }],
    };
  }

  function sectionBars(data) {
    var names = data.rows.map(function (r) { return r.section; });
    return {
      grid: { left: 50, right: 20, top: 20, bottom: 50 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0, data: [data.unit, "平均分"] },
      xAxis: { type: "category", data: names },
      yAxis: { type: "value", name: "得分" },
      series: [
        { type: "bar", name: data.unit, itemStyle: { color: RED }, label: { show: true, position: "top" },
          data: data.rows.map(function (r) { return number(r.score); }) },
        { type: "bar", name: "平均分", itemStyle: { color: GREY }, label: { show: true, position: "top" },
          data: data.rows.map(function (r) { return number(r.average); }) },
      ],
    };
  }

  function radar(data) {
    if (!data.rows.length) {
      return null;
    }
    if (data.rows.length < 3) {
      return sectionBars(data);  // a radar needs three axes at least
    }
    return {
      tooltip: {},
      legend: { bottom: 0, data: [data.unit, "平均分"] },
      radar: {
        radius: "62%",
        indicator: data.rows.map(function (r) { return { name: r.section, max: number(r.points) }; }),
      },
      series: [{
        type: "radar",
        data: [
          { name: data.unit, value: data.rows.map(function (r) { return number(r.score); }),
            itemStyle: { color: RED }, areaStyle: { opacity: 0.15 } },
          { name: "平均分", value: data.rows.map(function (r) { return number(r.average); }),
            itemStyle: { color: "#6c757d" }, lineStyle: { type: "dashed" } },
        ],
      }],
    };
  }

  function trend(points) {
    if (!points.length) {
      return null;
    }
    return {
      grid: { left: 50, right: 30, top: 36, bottom: 60 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: points.map(function (p) { return p.cycle; }),
               axisLabel: { interval: 0, rotate: points.length > 3 ? 20 : 0 } },
      yAxis: { type: "value", name: "总分", scale: true },
      series: [{ type: "line", name: "总分", data: points.map(function (p) { return number(p.total); }),
                 itemStyle: { color: RED }, label: { show: true } }],
    };
  }

  function lost(rows, holder) {
    var names = Math.min(200, Math.round(holder.clientWidth * 0.4));  // room for the names
    return {
      grid: { left: names, right: 50, top: 10, bottom: 30 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", name: "失分" },
      yAxis: { type: "category", inverse: true, data: rows.map(function (r) { return r.indicator; }),
               axisLabel: { width: names - 10, overflow: "truncate" } },
      series: [{ type: "bar", name: "失分", data: rows.map(function (r) { return number(r.lost); }),
                 itemStyle: { color: "#d08770" }, label: { show: true, position: "right" } }],
    };
  }

  var kinds = { bar: bar, grades: grades, radar: radar, trend: trend, lost: lost };
  document.querySelectorAll("[data-chart]").forEach(function (holder) {
    var source = document.getElementById(holder.dataset.source);
    var draw = kinds[holder.dataset.chart];
    if (!source || !draw) {
      return;
    }
    var option = draw(JSON.parse(source.textContent), holder);
    if (!option) {
      return;
    }
    option.animation = false;
    // Heights come as data attributes: the page's CSP refuses style attributes.
    var height = Math.max(Number(holder.dataset.height || 240), Number(holder.dataset.minHeight || 0));
    holder.style.height = height + "px";
    var chart = echarts.init(holder, null, { renderer: "canvas" });
    chart.setOption(option);
    holder.dataset.drawn = "true";
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
