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

  // Suggestions under the header's search box as one types (ARIA combobox with a listbox):
  // asked a moment after the last keystroke, answers to older keystrokes dropped, arrow keys
  // move through them, Enter takes the highlighted one, Escape closes. Without this the box is
  // a plain form that submits what was typed.
  var kSuggestDelay = 150;

  function startSuggestions(box) {
    var form = box.form;
    if (!form || !window.XMLHttpRequest || !window.JSON || !box.addEventListener) return;
    var list = document.createElement("ul");
    list.id = "site-search-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    var label = document.querySelector('label[for="' + box.id + '"]');
    if (label) list.setAttribute("aria-label", label.textContent);
    list.setAttribute("hidden", "");  // the attribute, not the property: old browsers style it through CSS
    form.appendChild(list);
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-expanded", "false");
    box.setAttribute("aria-controls", list.id);

    var timer = null;
    var sequence = 0;      // the number of the latest request; answers to older ones are dropped
    var asked = null;      // the text of the latest request
    var texts = [];
    var active = -1;

    function close() {
      list.setAttribute("hidden", "");
      while (list.firstChild) list.removeChild(list.firstChild);
      texts = [];
      active = -1;
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var options = list.childNodes;
      for (var i = 0; i < options.length; i++) {
        var on = i === index;
        options[i].className = on ? "suggestion is-active" : "suggestion";
        options[i].setAttribute("aria-selected", on ? "true" : "false");
      }
      active = index;
      if (index >= 0) {
        box.setAttribute("aria-activedescendant", options[index].id);
        if (options[index].scrollIntoView && list.scrollHeight > list.clientHeight) options[index].scrollIntoView(false);
      } else {
        box.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      box.value = texts[index];
      close();
      form.submit();
    }

    function addOption(item, index) {
      var option = document.createElement("li");
      option.id = "site-search-option-" + index;
      option.className = "suggestion";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      var text = document.createElement("span");
      text.className = "suggestion-text";
      text.appendChild(document.createTextNode(item.text));
      option.appendChild(text);
      var count = document.createElement("span");
      count.className = "suggestion-count";
      count.appendChild(document.createTextNode(String(item.listings)));
      option.appendChild(count);
      // Pressing on an option must not take the focus from the box before the click lands.
      option.addEventListener("mousedown", function (event) { event.preventDefault(); }, false);
      option.addEventListener("click", function () { choose(index); }, false);
      list.appendChild(option);
    }

    function show(items) {
      close();
      for (var i = 0; i < items.length; i++) {
        if (typeof items[i].text !== "string") continue;
        texts.push(items[i].text);
        addOption(items[i], texts.length - 1);
      }
      if (texts.length === 0) return;
      list.removeAttribute("hidden");
      box.setAttribute("aria-expanded", "true");
    }

    function ask() {
      var text = box.value;
      if (/^\s*$/.test(text)) {
        sequence += 1;
        asked = null;
        close();
        return;
      }
      if (text === asked) return;
      asked = text;
      sequence += 1;
      var mine = sequence;
      var request = new XMLHttpRequest();
      request.open("GET", "/api/v1/search/suggest?q=" + encodeURIComponent(text), true);
      request.setRequestHeader("Accept", "application/json");
      request.onreadystatechange = function () {
        if (request.readyState !== 4 || mine !== sequence) return;
        var answer = null;
        if (request.status === 200) {
          try { answer = JSON.parse(request.responseText); } catch (error) { answer = null; }
        }
        if (answer && answer.items && document.activeElement === box) show(answer.items); else close();
      };
      request.send();
    }

    function askSoon() {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(ask, kSuggestDelay);
    }

    box.addEventListener("input", askSoon, false);
    box.addEventListener("keydown", function (event) {
      var key = event.key || "";
      var open = texts.length > 0;
      if (key === "ArrowDown" || key === "Down") {
        event.preventDefault();
        if (!open) { asked = null; ask(); return; }
        highlight(active + 1 < texts.length ? active + 1 : 0);
      } else if (key === "ArrowUp" || key === "Up") {
        if (!open) return;
        event.preventDefault();
        highlight(active > 0 ? active - 1 : texts.length - 1);
      } else if (key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        } else {
          sequence += 1;  // the form submits what was typed; a late answer must not pop up
          close();
        }
      } else if (key === "Escape" || key === "Esc") {
        if (open) {
          event.preventDefault();
          sequence += 1;
          close();
        }
      }
    }, false);
    box.addEventListener("blur", function () {
      sequence += 1;
      asked = null;
      close();
    }, false);
  }

  function start() {
    if (!reduceMotion) {
      var tiles = document.querySelectorAll(".tile-live");
      for (var i = 0; i < tiles.length; i++) startLiveTile(tiles[i], i);
    }
    document.addEventListener("submit", confirmBeforeSubmit, true);
    document.addEventListener("keydown", focusSearchOnSlash, false);
    var box = document.getElementById("site-search");
    if (box) startSuggestions(box);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, false);
  } else {
    start();
  }
})();
