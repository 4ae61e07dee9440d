/*
 * Resizes the iframes of embedded charts to the height their page reports, so they never
 * scroll inside or clip. Messages follow pym.js 1.x ("pymxPYMx<id>xPYMxheightxPYMx<px>").
 * A message counts only if it is a string of exactly that shape, with a height in bounds,
 * from the very iframe it names (id and window), whose address is on the origin it came from.
 * Nothing from a message is ever put into the page: it sets one number, a height in pixels.
 * Usage: <iframe id="<story>-<chart>" data-story-embed src=".../embed/<chart>/?childId=<story>-<chart>" …>
 */
(function () {
  'use strict';
  if (window.storyEmbedHost) return;
  window.storyEmbedHost = true;
  var shape = /^pymxPYMx([A-Za-z0-9_.-]{1,64})xPYMxheightxPYMx([0-9]{1,6})$/;
  var MIN = 50;
  var MAX = 20000;
  window.addEventListener('message', function (event) {
    if (typeof event.data !== 'string' || event.data.length > 120) return;
    var match = shape.exec(event.data);
    if (!match) return;
    var height = Number(match[2]);
    if (!(height >= MIN && height <= MAX)) return;
    var frame = document.getElementById(match[1]);
    if (!frame || frame.localName !== 'iframe' || !frame.hasAttribute('data-story-embed')) return;
    if (!event.source || frame.contentWindow !== event.source) return;
    var origin;
    try {
      origin = new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return;
    }
    if (event.origin !== origin) return;
    frame.style.height = height + 'px';
  });
})();
