// The voting page: one unit a screen, progress (3 / 12), every answer kept in this device's
// localStorage as it is given (a reload or a dropped connection loses nothing) and cleared when
// the ballot is submitted; the submit button works once. No outside asset, no inline script.
(function () {
  var ballot = document.getElementById("ballot");
  var form = document.getElementById("ballot-form");
  if (!ballot || !form) return;
  var key = ballot.dataset.storageKey;
  var screens = Array.prototype.slice.call(form.querySelectorAll(".ballot-screen"));
  var total = screens.length;
  var current = 0;
  var previous = document.getElementById("previous");
  var next = document.getElementById("next");
  var submit = document.getElementById("submit");

  function saved() {
    try { return JSON.parse(window.localStorage.getItem(key) || "{}"); } catch (e) { return {}; }
  }

  function save() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === "csrfmiddlewaretoken") return;
      if (field.type === "radio") { if (field.checked) values[field.name] = field.value; }
      else if (field.value) values[field.name] = field.value;
    });
    try { window.localStorage.setItem(key, JSON.stringify(values)); } catch (e) { /* full or off */ }
  }

  function restore() {
    var values = saved();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!(field.name in values)) return;
      if (field.type === "radio") field.checked = field.value === values[field.name];
      else if (!field.value) field.value = values[field.name];
    });
  }

  function show(index) {
    current = Math.max(0, Math.min(total - 1, index));
    screens.forEach(function (screen, i) { screen.classList.toggle("current", i === current); });
    document.getElementById("progress-text").textContent = current + 1 + " / " + total;
    document.getElementById("progress-bar").style.width = ((current + 1) * 100) / total + "%";
    previous.classList.toggle("hidden", current === 0);
    next.classList.toggle("hidden", current === total - 1);
    submit.classList.toggle("hidden", current !== total - 1);
    window.scrollTo(0, 0);
  }

  ballot.classList.add("paged");
  restore();
  show(0);
  form.addEventListener("change", save);
  form.addEventListener("input", save);
  previous.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  form.addEventListener("submit", function (event) {
    if (submit.disabled) { event.preventDefault(); return; }
    submit.disabled = true;
    submit.textContent = "正在提交…";
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  });
})();
