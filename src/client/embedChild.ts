import { frameIdPattern, heightMessage } from '../lib/embed.ts';

/**
 * On an embed page inside another site's iframe: tells the host the page's height whenever it
 * changes (a width change, a data table opened, a step moved), as pym.js's child does, with
 * the id the host gave (`?childId=`). Only the height leaves the page, so any origin may hear it.
 */
const id = new URLSearchParams(location.search).get('childId');
if (window.parent !== window && id && frameIdPattern.test(id)) {
  let sent = -1;
  const send = () => {
    // The document's own height: the html element's box, which grows and shrinks with the content.
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage(heightMessage(id, height), '*');
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}
