// The voting page: one unit a screen, progress (3 / 12), every answer kept in this device's
// localStorage as it is given (a reload or a dropped connection loses nothing) and cleared once
// the ballot is stored. The ballot goes as one JSON body of the form's fields, the CSRF token in
// the X-CSRFToken header; the server answers 204 (stored) or its problems in Chinese, shown
// above the form. The submit button works once, again only after a refusal the voter can mend.
// Without fetch the form posts as it is. No outside asset, no inline script.
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

  function answers() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === "csrfmiddlewaretoken") return;
      if (field.type === "radio") { if (field.checked) values[field.name] = field.value; }
      else if (field.value) values[field.name] = field.value;
    });
    return values;
  }

  function save() {
    try { window.localStorage.setItem(key, JSON.stringify(answers())); } catch (e) { /* full or off */ }
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
  function showProblems(problems) {
    var box = document.getElementById("ballot-problems");
    if (!box) {
      box = document.createElement("div");
      box.id = "ballot-problems";
      box.className = "alert alert-danger";
      box.setAttribute("role", "alert");
      form.parentNode.insertBefore(box, form);
    }
    box.textContent = "";
    problems.forEach(function (problem) {
      var line = document.createElement("div");
      line.textContent = problem;
      box.appendChild(line);
    });
    window.scrollTo(0, 0);
  }

  function stored() {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    var thanks = document.getElementById("ballot-thanks");
    ballot.textContent = "";
    ballot.appendChild(thanks.content.cloneNode(true));
    window.scrollTo(0, 0);
  }

  function refused(response) {
    // 400: marks the voter can mend; 403/404: the code is used or the evaluation closed.
    var again = response.status === 400;
    var unreadable = ["提交未被接受（" + response.status + "），请刷新页面后重试；已填写的内容保存在本机。"];
    return response.json().then(function (answer) {
      return answer.problems || unreadable;
    }, function () { return unreadable; }).then(function (problems) {
      showProblems(problems);
      if (again) { submit.disabled = false; submit.textContent = "提交"; }
    });
  }

  function send() {
    var token = form.elements.csrfmiddlewaretoken.value;
    return window.fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify(answers())
    }).then(function (response) {
      return response.status === 204 ? stored() : refused(response);
    }, function () {
      showProblems(["网络连接失败，请稍后再提交；已填写的内容保存在本机。"]);
      submit.disabled = false;
      submit.textContent = "提交";
    });
  }

  form.addEventListener("submit", function (event) {
    if (submit.disabled) { event.preventDefault(); return; }
    submit.disabled = true;
    submit.textContent = "正在提交…";
    if (window.fetch) {
      event.preventDefault();
      send();
    } else {  // the form posts itself, and the page that answers says what became of it
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    }
  });
})();
