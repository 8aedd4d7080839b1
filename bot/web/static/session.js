/*
 * Safeguarding assistant: the group-session page (/session), for a youth worker to project.
 *
 * It loads everything once, from /session/content.json, and then needs no network at all, so a
 * session carries on if the connection drops. Nothing is stored: no cookies, no browser storage.
 * Every word is put on the page as text (textContent), never parsed as HTML.
 *
 * The content becomes "flows" of "slides", one idea per screen:
 *   start      welcome, ground rules, then the choice of a story or the quiz
 *   scenario   introduction; per stage: story, signs (revealed one by one), talk about it,
 *              what they could do; then the closing words and who can help
 *   quiz       introduction; one slide per question (choose, then the answer is shown);
 *              the score; then the closing words and who can help
 * Keys: ArrowRight, PageDown, Space and Enter go on; ArrowLeft and PageUp go back; Home goes back
 * to the start; R shows all the signs; 1 to 9 choose a quiz answer. Clickers send PageDown/PageUp.
 * The quick exit (button and Shift x3) comes from widget.js, loaded with data-mode="exit-only".
 */
(function () {
  "use strict";

  const CONTENT_URL = "/session/content.json";
  const LOAD_TIMEOUT_MS = 15000;

  // Headings around the content. content/session.yml sets them (see useContentLabels); these
  // defaults, and the message for when the session can't load at all, work without the server.
  const UI = {
    ground_rules: "Ground rules",
    choose: "Choose a story or the quiz",
    stage: "Stage {number}: {title}",
    question: "Question {number} of {total}",
    score: "Score: {score} / {total}",
    who_can_help: "Who can help",
    progress: "{current} / {total}",
    load_error: "The session could not load. Check that the assistant is running, then reload.",
    help_before: "If you need to talk to someone, call Childline free on ",
    help_number: "0800 1111",
    help_href: "tel:08001111",
    help_after: ", any time. If you're in danger, call 999.",
  };

  const START = "start";
  const QUIZ = "quiz";

  // ------------------------------------------------------------------ small helpers
  function isObject(value) {
    return Boolean(value) && typeof value === "object" && !Array.isArray(value);
  }

  function text(value) {
    if (typeof value === "string") return value;
    return typeof value === "number" ? String(value) : "";
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  function texts(value) {
    return list(value).map(text).filter(Boolean);
  }

  // "{answer}" style templates. A function replacement, so "$&" in the content stays as written.
  function fill(template, values) {
    return text(template).replace(/\{(\w+)\}/g, (whole, name) =>
      Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole);
  }

  // Service lines arrive as "• Childline, for ...": shown in a list, so the bullet goes.
  function withoutBullet(line) {
    return line.replace(/^\s*•\s*/, "");
  }

  // The only way this file makes markup: elements, attributes and text, never HTML strings.
  function element(tag, className, content, attributes = {}) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  function bulletList(className, items) {
    const ul = element("ul", className);
    for (const item of items) ul.append(element("li", "", item));
    return ul;
  }

  // ------------------------------------------------------------------ content -> slides
  // A slide is a plain object: { kind, heading, kicker?, ... }. kind picks the renderer below.
  function buildFlows(data) {
    if (!isObject(data) || !isObject(data.session)) throw new Error("no session in the content");
    const session = data.session;
    const quiz = isObject(data.quiz) ? data.quiz : {};
    const services = texts(session.services).map(withoutBullet);
    const scenarios = list(data.scenarios).filter(isObject).filter((scenario) => text(scenario.id));
    const questions = list(quiz.questions).filter(isObject).map((question) => cleanQuestion(question, data))
      .filter((question) => question.options.length);
    if (!scenarios.length && !questions.length) throw new Error("no scenario and no quiz");

    const ending = (title) => [
      { kind: "text", heading: title, lead: text(session.closing) },
      { kind: "text", heading: UI.who_can_help, services },
    ];

    const flows = new Map();
    const choices = [];
    for (const scenario of scenarios) {
      const id = "scenario:" + text(scenario.id);
      const title = text(scenario.title);
      choices.push({ label: title, flow: id });
      const slides = [{ kind: "text", heading: title, lead: text(scenario.introduction) }];
      for (const part of list(scenario.stages).filter(isObject)) {
        const stage = fill(UI.stage, { number: text(part.number), title: text(part.stage_title) });
        slides.push(
          { kind: "text", heading: stage, lead: text(part.story) },
          {
            kind: "signs",
            kicker: stage,
            heading: text(session.signs_prompt),
            button: text(session.reveal_button),
            key: id + ":" + text(part.stage),
            signs: list(part.signs).filter(isObject)
              .map((sign) => ({ sign: text(sign.sign_text), seen: text(sign.seen) }))
              .filter((sign) => sign.sign || sign.seen),
          },
          { kind: "text", kicker: stage, heading: text(session.question_heading), lead: text(part.question) },
          {
            kind: "text",
            kicker: stage,
            heading: text(session.what_they_could_do_heading),
            paragraph: text(part.what_they_could_do),
            services: texts(part.services).map(withoutBullet),
          },
        );
      }
      flows.set(id, { title, slides: [...slides, ...ending(title)] });
    }

    if (questions.length) {
      const title = text(quiz.title);
      choices.push({ label: title, flow: QUIZ });
      flows.set(QUIZ, {
        title,
        slides: [
          { kind: "text", heading: title, lead: text(quiz.introduction) },
          ...questions.map((question, index) => ({
            kind: "question",
            kicker: fill(UI.question, { number: index + 1, total: questions.length }),
            heading: question.question,
            question,
          })),
          { kind: "finished" },
          ...ending(title),
        ],
      });
    }

    flows.set(START, {
      title: text(session.title),
      slides: [
        { kind: "text", heading: text(session.title), lead: text(session.welcome) },
        { kind: "text", heading: UI.ground_rules, items: texts(session.ground_rules) },
        { kind: "choose", heading: UI.choose, choices },
      ],
    });
    return { flows, quiz, sessionTitle: text(session.title), questionCount: questions.length };
  }

  // The options normally come with the question; if not, the four stages, or yes and no.
  function cleanQuestion(question, data) {
    const quiz = isObject(data.quiz) ? data.quiz : {};
    let options = list(question.options).filter(isObject)
      .map((option) => ({ value: text(option.value), label: text(option.label) || text(option.value) }));
    if (!options.length && question.kind === "which_stage") {
      options = list(data.stages).filter(isObject)
        .map((stage) => ({ value: text(stage.id), label: text(stage.title) }));
    } else if (!options.length && question.kind === "warning_sign") {
      options = [
        { value: "yes", label: text(quiz.yes_button) || "Yes" },
        { value: "no", label: text(quiz.no_button) || "No" },
      ];
    }
    options = options.filter((option) => option.value && option.label);
    const answer = text(question.answer);
    const match = options.find((option) => option.value === answer);
    return {
      id: text(question.id),
      question: text(question.question),
      options,
      answer,
      answerLabel: text(question.answer_label) || (match ? match.label : answer),
      explanation: text(question.explanation),
    };
  }

  // The session's own headings, from content/session.yml when the JSON has them.
  function useContentLabels(session) {
    const fromContent = {
      ground_rules: session.ground_rules_heading,
      choose: session.choose_heading,
      stage: session.stage_heading,
      question: session.quiz_progress,
      score: session.score,
      who_can_help: session.services_heading,
    };
    for (const [key, value] of Object.entries(fromContent)) {
      if (typeof value === "string" && value) UI[key] = value;
    }
  }

  // ------------------------------------------------------------------ the page
  function start(content) {
    useContentLabels(isObject(content.session) ? content.session : {});
    const slideArea = document.getElementById("ss-slide");
    const flowTitle = document.getElementById("ss-flow-title");
    const announcer = document.getElementById("ss-announcer");
    const nav = document.getElementById("ss-nav");
    const startButton = document.getElementById("ss-start");
    const backButton = document.getElementById("ss-back");
    const nextButton = document.getElementById("ss-next");
    const progress = document.getElementById("ss-progress");

    const state = {
      flow: START,
      index: 0,
      revealed: new Map(), // signs slide key -> how many of its signs are showing
      answers: new Map(), // quiz question id -> the value the room chose (null: answer shown, none chosen)
    };
    const chooseIndex = content.flows.get(START).slides.findIndex((slide) => slide.kind === "choose");

    function currentFlow() {
      return content.flows.get(state.flow);
    }

    function currentSlide() {
      return currentFlow().slides[state.index];
    }

    function score() {
      const chosen = [...state.answers.entries()].filter(([, value]) => value !== null);
      const right = chosen.filter(([id, value]) => quizQuestion(id).answer === value).length;
      return { score: right, total: chosen.length };
    }

    function quizQuestion(id) {
      const slide = content.flows.get(QUIZ).slides.find((each) => each.question && each.question.id === id);
      return slide.question;
    }

    // What is shown (and read out) once a question's answer is revealed. chosen null: no answer
    // was chosen, so no verdict.
    function quizOutcome(question, chosen) {
      let verdict = "";
      if (chosen !== null && chosen !== undefined) {
        verdict = text(chosen === question.answer ? content.quiz.correct : content.quiz.not_quite);
      }
      return {
        verdict,
        answer: fill(content.quiz.the_answer_is, { answer: question.answerLabel }),
        score: fill(UI.score, score()),
      };
    }

    function headingOf(slide) {
      if (slide.kind === "finished") return fill(content.quiz.finished, score());
      return slide.heading;
    }

    // ---- announcing and focus
    function announce(message) {
      // The same words twice in a row are not read again, so make the second time differ.
      announcer.textContent = message === announcer.textContent ? message + "\u00a0" : message;
    }

    // Keep focus on Back, Next or Back to start when one was used (press Next again and again);
    // otherwise, as the control that had focus has gone, move it to the new heading.
    function settleFocus(preferred) {
      if (preferred) {
        preferred.focus();
        return;
      }
      const active = document.activeElement;
      const onNav = active && nav.contains(active) && !active.hidden;
      // preventScroll: the slide has already been scrolled to what matters (its top, or a new sign).
      if (!onNav) document.getElementById("ss-heading").focus({ preventScroll: true });
    }

    // ---- rendering
    // full: the slide as it will end up (every sign shown, the answer shown), used to measure it.
    function slideParts(slide, full) {
      const heading = element("h1", "ss-heading", headingOf(slide), { id: "ss-heading", tabindex: "-1" });
      if (heading.textContent.length > 70) heading.classList.add("ss-heading--long");
      const parts = [];
      if (slide.kicker) parts.push(element("p", "ss-kicker", slide.kicker));
      parts.push(heading, ...RENDERERS[slide.kind](slide, full));
      return parts;
    }

    function render() {
      const flow = currentFlow();
      const slide = currentSlide();
      const atFirst = state.flow === START && state.index === 0;
      backButton.setAttribute("aria-disabled", String(atFirst));
      startButton.hidden = state.flow === START;
      flowTitle.textContent = flow.title;
      progress.textContent = fill(UI.progress, { current: state.index + 1, total: flow.slides.length });

      slideArea.replaceChildren(...slideParts(slide, true));
      const density = fittingDensity("ss-slide ss-slide--" + slide.kind);
      slideArea.replaceChildren(...slideParts(slide, false));
      slideArea.className = density;
      document.title = headingOf(slide) + " – " + content.sessionTitle;
    }

    const DENSITY = ["", " ss-slide--dense", " ss-slide--dense ss-slide--denser"];

    // At 1280x720, the smallest projector we plan for, a long slide (three or more services)
    // gets tighter spacing and smaller list text, in up to two steps. Measured on the slide as it
    // will end up, so nothing jumps while signs are revealed. If it still does not fit, the page
    // scrolls, and the controls stay in view.
    function fittingDensity(base) {
      let className = base;
      for (const step of DENSITY) {
        className = base + step;
        slideArea.className = className;
        if (document.documentElement.scrollHeight <= window.innerHeight) break;
      }
      return className;
    }

    // On resize, draw the slide again (its density may change), keeping focus where it was.
    let resizeTimer = null;
    function onResize() {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        const focused = document.activeElement ? document.activeElement.id : "";
        const inSlide = slideArea.contains(document.activeElement);
        render();
        const again = focused && document.getElementById(focused);
        if (inSlide) (again || document.getElementById("ss-heading")).focus({ preventScroll: true });
      }, 150);
    }

    const RENDERERS = {
      text(slide) {
        const parts = [];
        if (slide.lead) parts.push(element("p", "ss-lead", slide.lead));
        if (slide.paragraph) parts.push(element("p", "ss-text", slide.paragraph));
        if (slide.items && slide.items.length) parts.push(bulletList("ss-list", slide.items));
        if (slide.services && slide.services.length) parts.push(bulletList("ss-list ss-services", slide.services));
        return parts;
      },

      choose(slide) {
        const group = element("div", "ss-choices", "", { role: "group", "aria-labelledby": "ss-heading" });
        for (const choice of slide.choices) {
          const button = element("button", "ss-button ss-button--primary ss-choice", choice.label, { type: "button" });
          button.addEventListener("click", () => startFlow(choice.flow));
          group.append(button);
        }
        return [group];
      },

      signs(slide, full) {
        const showing = full ? slide.signs.length : state.revealed.get(slide.key) || 0;
        const parts = [];
        if (showing) {
          const signs = element("ul", "ss-signs", "", { id: "ss-signs", tabindex: "-1", "aria-labelledby": "ss-heading" });
          for (const sign of slide.signs.slice(0, showing)) {
            const item = element("li", "ss-sign");
            item.append(element("strong", "ss-sign__text", sign.sign), element("span", "ss-sign__seen", sign.seen));
            signs.append(item);
          }
          parts.push(signs);
        }
        if (showing < slide.signs.length) {
          const reveal = element("button", "ss-button ss-button--primary ss-reveal", slide.button,
            { type: "button", id: "ss-reveal", "aria-keyshortcuts": "R" });
          reveal.addEventListener("click", () => showSigns(slide, slide.signs.length));
          parts.push(reveal);
        }
        return parts;
      },

      question(slide, full) {
        const question = slide.question;
        const answered = full || state.answers.has(question.id);
        let chosen = state.answers.get(question.id);
        if (full && !state.answers.has(question.id)) {
          // Measure the longest outcome: a wrong choice, with the verdict and both marks.
          const wrong = question.options.find((option) => option.value !== question.answer);
          chosen = wrong ? wrong.value : null;
        }
        const options = element("div", "ss-options", "", { role: "group", "aria-labelledby": "ss-heading" });
        question.options.forEach((option, index) => {
          const button = element("button", "ss-option", "", { type: "button" });
          // The badge shows the number key that chooses this option; once the answer is shown,
          // a tick on the answer and a cross on the room's wrong choice (the verdict says it in words).
          let badge = index < 9 ? String(index + 1) : "";
          if (answered) {
            button.disabled = true;
            if (option.value === question.answer) {
              button.classList.add("ss-option--answer");
              badge = "✓";
            } else if (option.value === chosen) {
              button.classList.add("ss-option--chosen");
              badge = "✗";
            }
          } else {
            if (index < 9) button.setAttribute("aria-keyshortcuts", String(index + 1));
            button.addEventListener("click", () => answer(slide, option.value));
          }
          if (badge) button.append(element("span", "ss-option__key", badge, { "aria-hidden": "true" }));
          button.append(element("span", "ss-option__label", option.label));
          options.append(button);
        });
        if (!answered) return [options];

        const outcome = quizOutcome(question, chosen);
        const result = element("div", "ss-result", "", { id: "ss-result" });
        const verdict = element("p", "ss-verdict");
        if (outcome.verdict) verdict.append(element("strong", "", outcome.verdict), " ");
        verdict.append(outcome.answer);
        result.append(verdict);
        if (question.explanation) result.append(element("p", "ss-text", question.explanation));
        const row = element("div", "ss-result__row");
        const onward = element("button", "ss-button ss-button--primary", text(content.quiz.next_button) || "Next",
          { type: "button", id: "ss-quiz-next" });
        onward.addEventListener("click", () => go(state.flow, state.index + 1));
        row.append(onward, element("p", "ss-score", outcome.score));
        result.append(row);
        return [options, result];
      },

      finished() {
        return [];
      },
    };

    // ---- moving about
    function go(flow, index) {
      state.flow = flow;
      state.index = index;
      render();
      window.scrollTo(0, 0);
      announce(headingOf(currentSlide()));
      settleFocus();
    }

    function startFlow(flow) {
      // A story or the quiz chosen from the start is a fresh run: signs hidden, no answers.
      state.revealed.clear();
      if (flow === QUIZ) state.answers.clear();
      go(flow, 0);
    }

    function goToStart() {
      go(START, chooseIndex);
    }

    function next() {
      const slide = currentSlide();
      if (slide.kind === "signs" && (state.revealed.get(slide.key) || 0) < slide.signs.length) {
        showSigns(slide, 1);
      } else if (slide.kind === "question" && !state.answers.has(slide.question.id)) {
        answer(slide, null); // no answer from the room: show the answer, without scoring
      } else if (slide.kind === "choose") {
        if (slide.choices.length) startFlow(slide.choices[0].flow);
      } else if (state.index + 1 < currentFlow().slides.length) {
        go(state.flow, state.index + 1);
      } else {
        goToStart();
      }
    }

    function back() {
      if (state.index > 0) go(state.flow, state.index - 1);
      else if (state.flow !== START) goToStart();
    }

    // Show `count` more signs (all of them from the button or R, one at a time from Next).
    function showSigns(slide, count) {
      const before = state.revealed.get(slide.key) || 0;
      const after = Math.min(slide.signs.length, before + count);
      if (after === before) return;
      const fromButton = document.activeElement && document.activeElement.id === "ss-reveal";
      state.revealed.set(slide.key, after);
      render();
      const signs = document.getElementById("ss-signs");
      const newest = signs.lastElementChild;
      if (newest) newest.scrollIntoView({ block: "nearest" });
      announce(slide.signs.slice(before, after).map((sign) => sign.sign + " " + sign.seen).join(" "));
      if (fromButton) settleFocus(document.getElementById("ss-reveal") || signs);
      else settleFocus();
    }

    function answer(slide, value) {
      if (state.answers.has(slide.question.id)) return;
      const fromOption = slideArea.contains(document.activeElement);
      state.answers.set(slide.question.id, value);
      render();
      document.getElementById("ss-result").scrollIntoView({ block: "nearest" });
      const outcome = quizOutcome(slide.question, value);
      announce([outcome.verdict, outcome.answer, slide.question.explanation, outcome.score].filter(Boolean).join(" "));
      // From an option, go to the quiz's own Next button (the option chosen is now disabled).
      settleFocus(fromOption ? document.getElementById("ss-quiz-next") : null);
    }

    function chooseOption(number) {
      const slide = currentSlide();
      if (slide.kind !== "question" || state.answers.has(slide.question.id)) return false;
      const option = slide.question.options[number - 1];
      if (!option) return false;
      answer(slide, option.value);
      return true;
    }

    function revealAll() {
      const slide = currentSlide();
      if (slide.kind !== "signs") return false;
      showSigns(slide, slide.signs.length);
      return true;
    }

    // ---- keys (a clicker sends PageDown and PageUp)
    function onKeyDown(event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target instanceof Element ? event.target : null;
      // Enter and Space press the button (or follow the link) that has focus, as usual.
      const onControl = target && target.closest("button, a[href], input, select, textarea, [contenteditable]");
      const key = event.key;
      let act = null;
      if (key === "ArrowRight" || key === "PageDown") act = next;
      else if ((key === " " || key === "Enter") && !onControl) act = next;
      else if (key === "ArrowLeft" || key === "PageUp") act = back;
      else if (key === "Home") act = goToStart;
      else if (key === "r" || key === "R") act = () => revealAll();
      else if (/^[1-9]$/.test(key)) act = () => chooseOption(Number(key));
      if (!act) return;
      event.preventDefault(); // no page scrolling for these keys
      if (event.repeat) return; // holding a key down moves one screen, not twenty
      act();
    }

    // Back stays focusable on the first screen (aria-disabled), so focus is never lost to the page.
    backButton.addEventListener("click", () => {
      if (backButton.getAttribute("aria-disabled") !== "true") back();
    });
    nextButton.addEventListener("click", next);
    startButton.addEventListener("click", goToStart);
    document.addEventListener("keydown", onKeyDown);
    window.addEventListener("resize", onResize);

    nav.hidden = false;
    render();
    announce(headingOf(currentSlide()));
  }

  // ------------------------------------------------------------------ loading, once
  function showLoadError() {
    const slideArea = document.getElementById("ss-slide");
    const heading = document.getElementById("ss-heading");
    const problem = element("p", "ss-lead ss-problem", UI.load_error, { role: "alert" });
    const help = element("p", "ss-text");
    help.append(UI.help_before, element("a", "ss-link", UI.help_number, { href: UI.help_href }), UI.help_after);
    slideArea.replaceChildren(heading, problem, help);
  }

  async function load() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), LOAD_TIMEOUT_MS);
    try {
      const response = await fetch(CONTENT_URL, {
        credentials: "omit",
        referrerPolicy: "no-referrer",
        cache: "no-store",
        signal: controller.signal,
      });
      if (!response.ok) throw new Error("the server answered " + response.status);
      return buildFlows(await response.json());
    } finally {
      clearTimeout(timer);
    }
  }

  function main() {
    load().then(start).catch(showLoadError);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", main, { once: true });
  } else {
    main();
  }
})();
