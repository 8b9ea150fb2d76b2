// The scoreboard page's only script: refresh the board every few seconds and move the countdown.
// The server renders (and escapes) the board; this swaps in its HTML fragment as it is.
"use strict";

(function () {
  let offsetS = 0; // the server's clock minus ours, so the countdown follows the server

  function readClock() {
    const clock = document.getElementById("clock");
    if (!clock) return null;
    offsetS = parseFloat(clock.dataset.now) - Date.now() / 1000;
    return clock;
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

  async function refresh() {
    const board = document.getElementById("board");
    if (!board) return;
    try {
      const response = await fetch("/scoreboard/live", {credentials: "same-origin"});
      if (response.ok) {
        board.outerHTML = await response.text();
        readClock();
        tick();
      }
    } catch (error) {
      // The server is unreachable for now: keep the last board and try again at the next poll.
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    readClock();
    tick();
    setInterval(tick, 1000);
    const board = document.getElementById("board");
    if (board) {
      const pollS = parseFloat(board.dataset.pollS) || 5;
      setInterval(refresh, pollS * 1000);
    }
  });
})();
