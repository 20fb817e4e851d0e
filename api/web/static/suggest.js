// Progressive enhancement: completions for the search box from /api/v1/suggest (the page works without it).
(function () {
  var input = document.querySelector("input[data-suggest]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) return;
    timer = setTimeout(function () {
      var url = input.dataset.suggest + "?lang=" + encodeURIComponent(input.dataset.lang) + "&q=" + encodeURIComponent(text);
      fetch(url).then(function (r) { return r.ok ? r.json() : { items: [] }; }).then(function (answer) {
        list.textContent = "";
        answer.items.forEach(function (item) {
          var option = document.createElement("option");
          option.value = item.text;
          list.appendChild(option);
        });
      }).catch(function () {});
    }, 150);
  });
})();
