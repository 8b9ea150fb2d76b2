// The pages' only script: keep the live parts fresh and move the countdown.
// A live part is an element with data-live="URL": every data-poll-s seconds it is replaced by
// the HTML fragment the server renders (and escapes) at that URL. Nothing is built here.
"use strict";

(function () {
  let offsetS = 0; // the server's clock minus ours, so the countdown follows the server

  function readClock() {
    const clock = document.getElementById("clock");
    if (clock) offsetS = parseFloat(clock.dataset.now) - Date.now() / 1000;
  }

  function twoDigits(n) {
    return String(n).padStart(2, "0");
  }

  function showLeft(seconds) {
    const whole = Math.max(0, Math.floor(seconds));
    const h = Math.floor(whole / 3600), m = Math.floor((whole % 3600) / 60), s = whole % 60;
    return (h ? h + ":" + twoDigits(m) : String(m)) + ":" + twoDigits(s);
  }

  function tick() {
    const clock = document.getElementById("clock");
    const countdown = document.getElementById("countdown");
    if (!clock || !countdown || !clock.dataset.endsAt) return;
    const left = parseFloat(clock.dataset.endsAt) - (Date.now() / 1000 + offsetS);
    countdown.textContent = showLeft(left);
  }

  async function refresh(id, url) {
    const part = document.getElementById(id);
    if (!part) return;
    try {
      const response = await fetch(url, {credentials: "same-origin"});
      if (response.ok) {
        part.outerHTML = await response.text();
        readClock();
        tick();
      }
    } catch (error) {
      // The server is unreachable for now: keep what is shown and try again at the next poll.
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    readClock();
    tick();
    setInterval(tick, 1000);
    document.querySelectorAll("[data-live]").forEach(function (part) {
      const pollS = parseFloat(part.dataset.pollS) || 5;
      const id = part.id, url = part.dataset.live;
      setInterval(function () { refresh(id, url); }, pollS * 1000);
    });
  });
})();
