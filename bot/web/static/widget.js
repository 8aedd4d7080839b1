/*
 * Safeguarding assistant: embeddable chat widget.
 *
 * Embed with one line:
 *   <script src="/widget.js" data-rasa-url="http://localhost:5005" data-exit-url="https://www.bbc.co.uk/weather" defer></script>
 *
 * Optional settings on the same tag:
 *   data-mode="exit-only"  only the quick exit (button, Shift x3 and its status): no chat, and no
 *                          request to the assistant. The group-session page (/session) uses it.
 *   data-demo="true"       the demo view (also when the page address has ?demo=1): large text for
 *                          a projector, and every message is sent with "input_channel": "demo" so
 *                          the assistant counts demo use apart from young people's own use.
 *
 * Privacy by design: the conversation id lives only in a variable of this script.
 * Nothing is written to cookies or any browser storage, and no third party is contacted.
 * Safety by design: every piece of text is inserted as text nodes, never parsed as HTML.
 */
(function () {
  "use strict";

  // currentScript is only set while this file first runs, so capture it now.
  const thisScript = document.currentScript || document.querySelector("script[src*='widget.js']");

  const DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather";
  const REQUEST_TIMEOUT_MS = 15000;
  const SHIFT_PRESSES_TO_EXIT = 3;
  const SHIFT_WINDOW_MS = 5000;
  // Every word the widget shows. These come from content/widget.yml: the demo server writes the
  // current ones in here when it serves this file, and a test keeps this copy the same, so a copy
  // embedded elsewhere says the same. The offline message must work with no server at all.
  const WORDS = /* words: start */ {
    "title": "Safeguarding assistant",
    "widget_label": "Chat with the safeguarding assistant",
    "privacy_note": "Nothing you type is kept after the chat. Your browser history still shows you visited this site. If you use a private or incognito window, it won't be saved in your history.",
    "exit": "Exit this page",
    "exit_status_many": "Press Shift {count} more times to exit this page",
    "exit_status_one": "Press Shift 1 more time to exit this page",
    "clear": "Clear chat",
    "conversation_label": "Conversation",
    "typing": "The assistant is typing…",
    "input_label": "Type your message",
    "send": "Send",
    "suggested_replies": "Suggested replies",
    "you_said": "You said: ",
    "assistant_said": "Assistant said: ",
    "offline": "Sorry, I can't connect right now. If you need to talk to someone, call Childline free on 0800 1111, any time. If you're in danger, call 999.",
    "call_999": "Call 999"
  } /* words: end */;

  // ---------------------------------------------------------------- linkify start
  // Turns bot text into segments: {text} or {text, href}. Pure, so it can be tested on its own.

  // Full URLs, www. addresses, and bare addresses on a few well-known endings (the content
  // says "chat at childline.org.uk").
  const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org\.uk|co\.uk|gov\.uk|police\.uk|nhs\.uk|org|com)\b(?:\/[^\s<>"]*)?/gi;
  // A run of digit groups ("0800 555 111", "116 000", "+44 800 1111"), judged afterwards.
  const NUMBER_RUN_PATTERN = /\+?\d+(?:[ \u00a0-]\d+)*/g;
  // UK numbers that are dialled as they are: emergency, police non-emergency, NHS, power cut.
  const SHORT_SERVICE_NUMBERS = new Set(["999", "112", "101", "111", "105", "119"]);
  // "text 85258", "Text SHOUT to 85258", "text us on 07700 900000": right before the number.
  const TEXT_INSTRUCTION = /\b(?:[Tt]ext|TEXT)\s+(?:(?:us|them|it)\s+(?:on|to)\s+|["“']?([A-Z][A-Z0-9]{1,19})["”']?\s+to\s+|(?:to|on)\s+)?$/;
  const CALL_OR_TEXT = /\b(?:call|phone|ring)\s+or\s+text\s+\S*\s*(?:to\s+)?$/i;

  function trimTrailingPunctuation(url) {
    let trimmed = url;
    while (/[.,;:!?'"’”)\]}]$/.test(trimmed)) {
      // Keep a closing bracket that belongs to the address, e.g. .../Thing_(band)
      if (trimmed.endsWith(")") && countOf(trimmed, "(") >= countOf(trimmed, ")")) break;
      trimmed = trimmed.slice(0, -1);
    }
    return trimmed;
  }

  function countOf(text, character) {
    return text.split(character).length - 1;
  }

  // The one gate for web addresses: only http(s) ever becomes a link or a destination.
  function httpUrlOrNull(value) {
    try {
      const url = new URL(value); // absolute only: an unreplaced "{{RASA_URL}}" is rejected
      return url.protocol === "https:" || url.protocol === "http:" ? url : null;
    } catch (error) {
      return null;
    }
  }

  function safeWebHref(written) {
    const url = httpUrlOrNull(/^https?:\/\//i.test(written) ? written : "https://" + written);
    return url ? url.href : null;
  }

  // A number glued to a word, price, path, decimal or time ("£999", "v2.111", "10:00") is not a phone number.
  function standsAlone(text, start, end) {
    const before = text[start - 1] || " ";
    const after = text[end] || " ";
    if (/[\w£$€#@/+.\-]/.test(before)) return false;
    if (/[,:]/.test(before) && /\d/.test(text[start - 2] || "")) return false;
    if (/[\w£%/]/.test(after)) return false;
    if (/[.,:]/.test(after) && /\d/.test(text[end + 1] || "")) return false;
    return true;
  }

  // Is this list of digit groups, exactly, a UK phone number? Returns the digits to dial or null.
  function dialableDigits(groups) {
    const digits = groups.join("").replace("+", "");
    if (groups[0] === "18001" && groups.length > 1) {
      // Relay UK (textphone) prefix in front of an ordinary number: "18001 101".
      const rest = dialableDigits(groups.slice(1));
      return rest ? "18001" + rest : null;
    }
    if (groups[0].startsWith("+")) {
      // Judge the international form as the national one: +44 800 1111 is 0800 1111.
      const rest = groups[0] === "+44" ? groups.slice(1) : [groups[0].slice(3), ...groups.slice(1)];
      if (!groups[0].startsWith("+44") || !rest.length || /^0/.test(rest[0])) return null;
      const national = dialableDigits(["0" + rest[0], ...rest.slice(1)]);
      return national && national.startsWith("0") ? "+44" + national.slice(1) : null;
    }
    if (groups.length === 1 && SHORT_SERVICE_NUMBERS.has(digits)) return digits;
    if (/^116\d{3}$/.test(digits)) return digits; // European helplines: 116 000, 116 123
    if (!digits.startsWith("0")) return null;
    // "0800 1111 24 hours": a short tail group after a long first group is not part of the number.
    if (groups[0].length >= 3 && groups.slice(1).some((group) => group.length < 3)) return null;
    if (digits.length === 10 || digits.length === 11) return digits;
    if ((digits.length === 8 || digits.length === 9) && /^0[58]0/.test(digits)) return digits; // 0800 1111
    return null;
  }

  // Long enough to hold a keyword, short enough to stay in the same sentence.
  function textInstructionBefore(text, start) {
    const before = text.slice(Math.max(0, start - 40), start);
    if (CALL_OR_TEXT.test(before)) return null; // "call or text 116 000": calling works for everyone
    const match = TEXT_INSTRUCTION.exec(before);
    return match ? { keyword: match[1] || "" } : null;
  }

  function smsHref(digits, keyword) {
    // "?&body=" is the form both iOS and Android accept.
    return "sms:" + digits + (keyword ? "?&body=" + encodeURIComponent(keyword) : "");
  }

  // Finds the longest leading part of a digit run that is a number to call or text.
  function numberLink(text, start, run) {
    const groups = run.split(/[ \u00a0-]/);
    const textInstruction = textInstructionBefore(text, start);
    for (let count = groups.length; count >= 1; count -= 1) {
      const part = groups.slice(0, count);
      const written = run.slice(0, part.join(" ").length);
      if (!standsAlone(text, start, start + written.length)) continue;
      let digits = dialableDigits(part);
      if (!digits && textInstruction && count === 1 && /^[1-9]\d{4,5}$/.test(part[0])) {
        digits = part[0]; // a 5-6 digit short code, only when the text says to text it
      }
      if (!digits) continue;
      const href = textInstruction ? smsHref(digits, textInstruction.keyword) : "tel:" + digits;
      return { text: written, href };
    }
    return null;
  }

  function linkifyNumbers(text) {
    const segments = [];
    let position = 0;
    for (const match of text.matchAll(NUMBER_RUN_PATTERN)) {
      const link = numberLink(text, match.index, match[0]);
      if (!link) continue;
      if (match.index > position) segments.push({ text: text.slice(position, match.index) });
      segments.push(link);
      position = match.index + link.text.length;
    }
    if (position < text.length) segments.push({ text: text.slice(position) });
    return segments;
  }

  function linkify(text) {
    const segments = [];
    let position = 0;
    for (const match of text.matchAll(URL_PATTERN)) {
      if (text[match.index - 1] === "@") continue; // part of an email address, leave it alone
      const written = trimTrailingPunctuation(match[0]);
      const href = safeWebHref(written);
      if (!href || !written.includes(".")) continue;
      segments.push(...linkifyNumbers(text.slice(position, match.index)));
      segments.push({ text: written, href, external: true });
      position = match.index + written.length;
    }
    segments.push(...linkifyNumbers(text.slice(position)));
    return segments.filter((segment) => segment.text !== "");
  }
  // ---------------------------------------------------------------- linkify end

  // ------------------------------------------------------------------ settings
  function readSettings() {
    const dataset = thisScript ? thisScript.dataset : {};
    const rasa = httpUrlOrNull(dataset.rasaUrl);
    const exit = httpUrlOrNull(dataset.exitUrl);
    return {
      // An unreplaced placeholder or a bad address gives null: every send then shows the offline help.
      webhookUrl: rasa ? rasa.href.replace(/\/+$/, "") + "/webhooks/rest/webhook" : null,
      exitUrl: exit ? exit.href : DEFAULT_EXIT_URL,
      exitOnly: dataset.mode === "exit-only",
      demo: dataset.demo === "true" || new URLSearchParams(window.location.search).get("demo") === "1",
    };
  }

  function loadStylesheet() {
    if (!thisScript || !thisScript.src) return;
    const href = new URL("widget.css", thisScript.src).href;
    if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return;
    document.head.append(element("link", "", "", { rel: "stylesheet", href }));
  }

  // ------------------------------------------------------------------ DOM helpers
  // The only way this file makes markup: elements, attributes and text, never HTML strings.
  function element(tag, className, text, attributes = {}) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  function visuallyHidden(text) {
    return element("span", "sa-visually-hidden", text);
  }

  function newSenderId() {
    const bytes = new Uint8Array(16); // 128 bits
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  }

  // ------------------------------------------------------------------ the widget
  function buildWidget(settings) {
    const state = { senderId: newSenderId(), pendingRequests: new Set(), waiting: 0 };

    const section = element("section", "sa-widget", "", { "aria-label": WORDS.widget_label });
    if (settings.demo) section.classList.add("sa-demo");
    const header = element("div", "sa-header");
    const clearButton = element("button", "sa-clear", WORDS.clear, { type: "button" });
    header.append(element("h2", "sa-title", WORDS.title), clearButton);

    // tabindex: a scrolling area must be reachable by keyboard to be scrolled.
    const log = element("div", "sa-log", "",
      { role: "log", "aria-live": "polite", "aria-label": WORDS.conversation_label, tabindex: "0" });

    const typing = element("div", "sa-typing", WORDS.typing, { role: "status", hidden: "" });
    const dots = element("span", "sa-dots", "", { "aria-hidden": "true" });
    dots.append(element("span"), element("span"), element("span"));
    typing.append(dots);

    const form = element("form", "sa-form");
    const label = element("label", "sa-label", WORDS.input_label, { for: "sa-input" });
    const input = element("input", "sa-input", "",
      { id: "sa-input", type: "text", autocomplete: "off", maxlength: "1000" });
    const sendButton = element("button", "sa-send", WORDS.send, { type: "submit" });
    const inputRow = element("div", "sa-input-row");
    inputRow.append(input, sendButton);
    form.append(label, inputRow);

    section.append(header, element("p", "sa-note", WORDS.privacy_note), log, typing, form);

    // ---- messages
    function scrollToNewest() {
      log.scrollTop = log.scrollHeight;
    }

    // A reply of several messages opens at its first one, not its last: after a disclosure the
    // first message is the one that matters most (999, then who can help).
    function scrollToStartOf(message) {
      const offset = message.getBoundingClientRect().top - log.getBoundingClientRect().top;
      log.scrollTop = Math.max(0, log.scrollTop + offset - 8);
    }

    function appendLinkifiedText(container, text) {
      for (const segment of linkify(text)) {
        if (!segment.href) {
          container.append(document.createTextNode(segment.text));
          continue;
        }
        const newTab = segment.external ? { target: "_blank", rel: "noopener noreferrer" } : {};
        container.append(element("a", "sa-link", segment.text, { href: segment.href, ...newTab }));
      }
    }

    function showUserMessage(text) {
      const message = element("div", "sa-msg sa-msg--user");
      message.append(visuallyHidden(WORDS.you_said), element("span", "sa-msg__text", text));
      log.append(message);
      scrollToNewest();
    }

    function showBotMessage(text, buttons, extraClass) {
      const message = element("div", "sa-msg sa-msg--bot" + (extraClass ? " " + extraClass : ""));
      const body = element("span", "sa-msg__text");
      appendLinkifiedText(body, text || "");
      message.append(visuallyHidden(WORDS.assistant_said), body);
      if (buttons.length) message.append(buildQuickReplies(buttons));
      log.append(message);
      scrollToNewest();
      return message;
    }

    // A reply that leads with 999 gets a clear "Call 999" link in its first message, and opens
    // at that message, so it stays in view on a small phone.
    function leadsWith999(text) {
      return /(^|\D)999(\D|$)/.test(text || "");
    }

    function showReply(replies) {
      const shown = replies.map((reply) => showBotMessage(reply.text, reply.buttons));
      const first = shown[0];
      if (leadsWith999(replies[0].text)) {
        first.classList.add("sa-msg--urgent");
        const call = element("a", "sa-call", WORDS.call_999, { href: "tel:999" });
        first.insertBefore(call, first.querySelector(".sa-msg__text"));
      }
      if (shown.length > 1 || first.classList.contains("sa-msg--urgent")) scrollToStartOf(first);
    }

    function buildQuickReplies(buttons) {
      const group = element("div", "sa-quick-replies", "", { role: "group", "aria-label": WORDS.suggested_replies });
      for (const { title, payload } of buttons) {
        const button = element("button", "sa-quick-reply", title, { type: "button" });
        button.addEventListener("click", () => sendUserMessage(title, payload));
        group.append(button);
      }
      return group;
    }

    // Once the conversation moves on, old suggestions no longer make sense.
    function disableQuickReplies() {
      for (const button of log.querySelectorAll(".sa-quick-reply")) button.disabled = true;
    }

    function showOfflineMessage() {
      showBotMessage(WORDS.offline, [], "sa-msg--offline");
    }

    // Accepts only the fields we use, as strings: the server's reply is not trusted blindly.
    function cleanReplies(data) {
      if (!Array.isArray(data)) return [];
      return data.filter((reply) => reply && typeof reply === "object").map((reply) => ({
        text: typeof reply.text === "string" ? reply.text : "",
        buttons: (Array.isArray(reply.buttons) ? reply.buttons : [])
          .filter((button) => button && typeof button.title === "string" && button.title.trim())
          .map((button) => ({
            title: button.title,
            payload: typeof button.payload === "string" ? button.payload : button.title,
          })),
      })).filter((reply) => reply.text || reply.buttons.length);
    }

    // ---- talking to Rasa
    function setWaiting(change) {
      state.waiting = Math.max(0, state.waiting + change);
      typing.hidden = state.waiting === 0;
    }

    // Demo use is sent on its own channel, so it is counted apart from young people's own use.
    function requestBody(message) {
      const body = { sender: state.senderId, message };
      if (settings.demo) body.input_channel = "demo";
      return body;
    }

    async function postToRasa(message) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
      state.pendingRequests.add(controller);
      try {
        const response = await fetch(settings.webhookUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(requestBody(message)),
          credentials: "omit",
          referrerPolicy: "no-referrer",
          cache: "no-store",
          signal: controller.signal,
        });
        if (!response.ok) throw new Error("Rasa answered " + response.status);
        return cleanReplies(await response.json());
      } finally {
        clearTimeout(timer);
        state.pendingRequests.delete(controller);
      }
    }

    async function sendToRasa(message) {
      const senderAtStart = state.senderId;
      setWaiting(+1);
      let replies = null;
      try {
        if (settings.webhookUrl) replies = await postToRasa(message);
      } catch (error) {
        replies = null; // unreachable, timed out, or a server error: all get the same friendly help
      } finally {
        setWaiting(-1);
      }
      // A reply to a chat that was cleared (or exited) in the meantime must not reappear.
      if (senderAtStart !== state.senderId) return;
      // Nothing at all is a failure too (the assistant always answers): show the offline help.
      if (replies === null || replies.length === 0) {
        showOfflineMessage();
        return;
      }
      showReply(replies);
    }

    function sendUserMessage(shownText, payload) {
      disableQuickReplies();
      showUserMessage(shownText);
      input.focus();
      sendToRasa(payload);
    }

    function startConversation() {
      sendToRasa("/greet"); // asks for the greeting and menu; not shown as something the user said
    }

    // ---- clear chat
    function forgetConversation() {
      state.senderId = newSenderId(); // also makes late replies to the old chat be ignored
      for (const controller of state.pendingRequests) controller.abort();
      log.replaceChildren();
      input.value = "";
    }

    function clearChat() {
      forgetConversation();
      input.focus();
      startConversation();
    }

    // ---- wiring
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) {
        input.focus();
        return;
      }
      input.value = "";
      sendUserMessage(text, text);
    });
    clearButton.addEventListener("click", clearChat);

    return { section, startConversation, forgetConversation };
  }

  // ------------------------------------------------------------------ the quick exit
  // The button, and pressing Shift 3 times. forget() runs just before leaving (the chat wipes itself).
  function buildQuickExit(exitUrl, forget) {
    const exitButton = element("button", "sa-exit", WORDS.exit, { type: "button" });
    const exitStatus = element("div", "sa-exit-status", "", { role: "status", "aria-live": "polite" });

    function exitPage() {
      // Hide everything first, at once, even if the stylesheet has not loaded yet.
      document.documentElement.classList.add("sa-exiting");
      document.body.style.setProperty("display", "none", "important");
      forget();
      // replace() rather than assign(): the Back button will not come back to the page.
      window.location.replace(exitUrl);
    }

    // GOV.UK pattern: press Shift three times within five seconds to leave.
    const shift = { count: 0, timer: null };

    function resetShiftCount() {
      clearTimeout(shift.timer);
      shift.count = 0;
      exitStatus.textContent = "";
    }

    function onKeyDown(event) {
      if (event.key !== "Shift") {
        if (shift.count) resetShiftCount();
        return;
      }
      if (event.repeat) return; // holding Shift down is one press
      shift.count += 1;
      if (shift.count === 1) shift.timer = setTimeout(resetShiftCount, SHIFT_WINDOW_MS);
      const remaining = SHIFT_PRESSES_TO_EXIT - shift.count;
      if (remaining <= 0) {
        resetShiftCount();
        exitPage();
        return;
      }
      exitStatus.textContent = remaining === 1
        ? WORDS.exit_status_one
        : WORDS.exit_status_many.replace("{count}", String(remaining));
    }

    exitButton.addEventListener("click", exitPage);
    // Capture phase, so the page or the chat cannot swallow the presses.
    window.addEventListener("keydown", onKeyDown, true);
    return { exitButton, exitStatus };
  }

  function mountQuickExit(quickExit) {
    // The exit button goes first in the page, so it is also the first thing a keyboard reaches.
    document.body.prepend(quickExit.exitButton, quickExit.exitStatus);
    document.documentElement.classList.add("sa-has-exit");
  }

  function mount() {
    const settings = readSettings();
    if (settings.exitOnly) {
      // No chat, so nothing to forget, and nothing is ever sent to the assistant.
      mountQuickExit(buildQuickExit(settings.exitUrl, () => {}));
      return;
    }
    const widget = buildWidget(settings);
    mountQuickExit(buildQuickExit(settings.exitUrl, widget.forgetConversation));
    const host = document.getElementById("safeguarding-assistant") || document.body;
    host.append(widget.section);
    widget.startConversation();
  }

  loadStylesheet();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount, { once: true });
  } else {
    mount();
  }
})();
