/* 만물상: progressive enhancement only. Every page works without this file. */
(function () {
  "use strict";
  if (!document.querySelectorAll || !window.addEventListener) return;

  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  // Live tiles: CSS slides between two faces; here any number of .live-item rotate in turn.
  // A face stays while the pointer or the keyboard focus is on the tile, and a face that gets
  // the focus is brought into view, so every link can be read and reached.
  function startLiveTile(tile, index) {
    var strip = tile.querySelector(".live-items");
    if (!strip) return;
    var items = strip.querySelectorAll(".live-item");
    var count = items.length;
    if (count < 2) return;
    tile.className += " js-live";
    var current = 0;
    var held = false;
    function show(next) {
      current = next;
      var offset = "translateY(-" + current * 100 + "%)";
      strip.style.webkitTransform = offset;
      strip.style.transform = offset;
    }
    tile.addEventListener("mouseenter", function () { held = true; }, false);
    tile.addEventListener("mouseleave", function () { held = false; }, false);
    tile.addEventListener("focusin", function (event) {
      held = true;
      for (var i = 0; i < count; i++) {
        if (items[i].contains(event.target)) show(i);
      }
      // Focus may have scrolled the clipped tile itself; the transform places the face instead.
      tile.scrollTop = 0;
    }, false);
    tile.addEventListener("focusout", function () { held = false; }, false);
    // Staggered so that neighbouring tiles do not turn at the same moment.
    window.setTimeout(function () {
      window.setInterval(function () {
        if (document.hidden || held) return;
        show((current + 1) % count);
      }, 5000);
    }, (index % 4) * 1300);
  }

  // Forms and buttons with data-confirm ask before they submit (deleting, cancelling an order).
  function confirmBeforeSubmit(event) {
    var target = event.target;
    var message = target.getAttribute && target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  }

  // The header search box: "/" focuses it, as on portal sites.
  function focusSearchOnSlash(event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    var tag = active && active.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (active && active.isContentEditable)) return;
    var box = document.getElementById("site-search");
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  }

  function start() {
    if (!reduceMotion) {
      var tiles = document.querySelectorAll(".tile-live");
      for (var i = 0; i < tiles.length; i++) startLiveTile(tiles[i], i);
    }
    document.addEventListener("submit", confirmBeforeSubmit, true);
    document.addEventListener("keydown", focusSearchOnSlash, false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, false);
  } else {
    start();
  }
})();
