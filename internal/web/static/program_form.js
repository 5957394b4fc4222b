// Programme form: the "(N dipilih)" counter of a checkbox list follows the
// ticks as they happen. Without this script the count is the one the page
// was drawn with.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-count]"), function (box) {
    var name = box.getAttribute("data-count"), out = box.querySelector(".count");
    if (!out) { return; }
    function update() {
      out.textContent = box.querySelectorAll('input[name="' + name + '"]:checked').length;
    }
    box.addEventListener("change", update);
    update();
  });
})();
