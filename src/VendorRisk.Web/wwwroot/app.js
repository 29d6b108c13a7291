// Small browser helpers called from Blazor (no inline scripts: the CSP forbids them).
window.vendorRisk = {
    // Set once the circuit is up: end-to-end tests wait for it before clicking.
    markInteractive: () => { document.body.dataset.interactive = "true"; window.vendorRisk.syncNav?.(); },
    theme: {
        get: () => localStorage.getItem("vr-theme"),
        set: (value) => localStorage.setItem("vr-theme", value),
    },
    // A new wizard section starts at its heading, for the eyes and for the keyboard (the button that opened it stays put).
    focusPlace: (id) => { const target = document.getElementById(id); if (target) focusPlace(target); },
    download: (fileName, contentType, base64) => {
        const link = document.createElement("a");
        link.href = `data:${contentType};base64,${base64}`;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
    },
};

// A link to a place on the same page ("Skip to main content", the portal's contents) moves the focus there. With the
// page's <base href="/">, "#main-content" means "/#main-content", and Blazor's navigation would follow it to the
// dashboard (or, outside the app, to the sign-in page). Capture runs before Blazor's own listener, which leaves a click
// whose default is prevented alone.
document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href*='#']") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href, document.baseURI);
    const samePage = url.hash.length > 1 && (link.getAttribute("href").startsWith("#") || url.pathname === location.pathname);
    const target = samePage ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
    if (!target) return;
    event.preventDefault();
    focusPlace(target);
}, true);

function focusPlace(target) {
    if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
}

// Firefox starts an HTML drag only when the drag carries data; the editor's question rows carry none of their own.
document.addEventListener("dragstart", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-drag-question]")) {
        event.dataTransfer?.setData("text/plain", event.target.closest("[data-question]")?.dataset.question ?? "");
        if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
    }
});

// The tab strips' keyboard (WAI-ARIA tabs pattern): arrows, Home and End move to a tab and open it.
document.addEventListener("keydown", (event) => {
    const tab = event.target instanceof Element ? event.target.closest("[data-vr-tablist] [role=tab]") : null;
    if (!tab) return;
    const tabs = [...tab.closest("[data-vr-tablist]").querySelectorAll("[role=tab]")];
    const index = tabs.indexOf(tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    target.focus();
    target.click();
});

// Enter in a wizard question moves to the next question, or to the next-section button after the last (Ctrl+Enter in a
// text box, where Enter starts a new line). In the browser: a key press in an open wizard is no message to the server.
// The typing pause below calls it too: it stops key events at the box, before they reach this listener.
function enterMovesOn(event) {
    // Not the Enter that ends an input method's composition (Safari reports it as keyCode 229), nor a held one.
    if (event.key !== "Enter" || event.shiftKey || event.altKey || event.repeat || event.defaultPrevented
        || event.isComposing || event.keyCode === 229) return;
    const target = event.target instanceof Element ? event.target : null;
    const question = target?.closest("[data-vr-wizard-question]");
    // Buttons, links, file inputs and pickers keep Enter for themselves.
    if (!question || target.closest("button, a, select, input[type=file], [role=button], .mud-select, .mud-picker")) return;
    if (target.matches("textarea") && !event.ctrlKey) return;
    event.preventDefault();
    const questions = [...question.parentElement.querySelectorAll(":scope > [data-vr-wizard-question]")];
    const next = questions[questions.indexOf(question) + 1];
    const field = next?.querySelector("input:not([type=hidden]):not([disabled]), textarea:not([disabled])");
    (field ?? next ?? document.getElementById("next-section"))?.focus();
}
document.addEventListener("keydown", enterMovesOn);

// The app bar's account menu is a <details>: Escape or a click elsewhere (or on one of its links) closes it.
document.addEventListener("click", (event) => {
    for (const menu of document.querySelectorAll("details[data-vr-menu][open]")) {
        if (!menu.contains(event.target) || event.target.closest("a")) menu.open = false;
    }
});
document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const menu = event.target instanceof Element ? event.target.closest("details[data-vr-menu][open]") : null;
    if (!menu) return;
    menu.open = false;
    menu.querySelector("summary")?.focus();
});

// The navigation drawer (ADR 0056), without a round trip: the toggle hides it beside wide content or shows it over
// narrow content; on a narrow screen a link, the scrim or Escape closes it again.
(() => {
    const wide = window.matchMedia("(min-width: 960px)");
    const root = document.documentElement.classList;
    const isOpen = () => wide.matches ? !root.contains("vr-nav-hidden") : root.contains("vr-nav-shown");
    const sync = () => {
        for (const toggle of document.querySelectorAll("[data-vr-nav-toggle]"))
            toggle.setAttribute("aria-expanded", isOpen() ? "true" : "false");
    };
    const closeOverContent = () => { root.remove("vr-nav-shown"); sync(); };
    document.addEventListener("click", (event) => {
        const target = event.target instanceof Element ? event.target : null;
        if (target?.closest("[data-vr-nav-toggle]")) {
            root.toggle(wide.matches ? "vr-nav-hidden" : "vr-nav-shown");
            sync();
        } else if (!wide.matches && (target?.closest("[data-vr-nav-close]") || target?.closest("#nav-drawer a"))) {
            closeOverContent();
        }
    });
    document.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && !wide.matches && root.contains("vr-nav-shown")) closeOverContent();
    });
    wide.addEventListener("change", closeOverContent);
    // The toggle is drawn by Blazor, prerendered and then again once interactive (markInteractive): state it both times.
    window.vendorRisk.syncNav = sync;
    document.addEventListener("DOMContentLoaded", sync);
})();

// Typing in a wizard question's text or number box stays in the browser until a quiet second (ADR 0059): then one change event
// takes the text to the server, which saves it at once. The first key press of a burst goes on as an input event (the
// question shows "Unsaved changes…"); the others, and the box's key events (but Escape, which a dialog may need), stop at
// the box's wrapper (data-vr-typing-pause), so Blazor never sends them. Leaving the box sends its own change event at
// once; the page being hidden sends every waiting text.
(() => {
    const pause = 1000;
    const waiting = new Map(); // field → its pause timer
    const watched = new WeakSet();
    let composing = false;
    const forget = (field) => {
        clearTimeout(waiting.get(field));
        waiting.delete(field);
    };
    const send = (field) => {
        forget(field);
        if (field.isConnected) field.dispatchEvent(new Event("change", { bubbles: true }));
    };
    const later = (field) => {
        clearTimeout(waiting.get(field));
        waiting.set(field, setTimeout(() => (composing ? later(field) : send(field)), pause));
    };
    const isField = (target) => target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement;
    const watch = (wrapper) => {
        wrapper.addEventListener("input", (event) => {
            if (!isField(event.target)) return;
            const first = !waiting.has(event.target);
            later(event.target);
            if (!first) event.stopPropagation();
        });
        for (const type of ["keydown", "keypress", "keyup", "paste"])
            wrapper.addEventListener(type, (event) => {
                if (!isField(event.target) || event.key === "Escape") return;
                if (type === "keydown") enterMovesOn(event);
                event.stopPropagation();
            });
        // The box's own change (it lost the focus) goes on to the server, carrying the text: nothing waits any more. It goes
        // even when the pause sent the same text, in case that one was lost (a dropped connection); the same text saves nothing.
        wrapper.addEventListener("change", (event) => {
            if (isField(event.target) && event.isTrusted) forget(event.target);
        });
        wrapper.addEventListener("compositionstart", () => { composing = true; });
        wrapper.addEventListener("compositionend", () => { composing = false; });
    };
    document.addEventListener("focusin", (event) => {
        const wrapper = event.target instanceof Element ? event.target.closest("[data-vr-typing-pause]") : null;
        if (wrapper && !watched.has(wrapper)) {
            watched.add(wrapper);
            watch(wrapper);
        }
    }, true);
    const sendAll = () => [...waiting.keys()].forEach(send);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") sendAll(); });
    window.addEventListener("pagehide", sendAll);
})();

// Arrow keys in a wizard question's radio group choose each option they pass (the browser's radio behaviour): only where
// they stop is the assessor's choice (ADR 0072). The change an arrow key makes is held (data-vr-choice-pause) and goes on
// to the server for the option the key chose after a quiet moment, when the focus leaves the group, at any other key,
// or when the page is hidden or goes back. A click is a choice at once and ends any choice still held in its group.
// A listener on the group hears a change too late (Blazor has already taken it), so changes are held at the window.
(() => {
    const pause = 800;
    const arrows = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"]);
    const waiting = new Map(); // group → { timer, radio: the option the last arrow key chose }
    let arrowAt = -Infinity;
    const groupOf = (target) => target instanceof HTMLInputElement && target.type === "radio" ? target.closest("[data-vr-choice-pause]") : null;
    const forget = (group) => {
        clearTimeout(waiting.get(group)?.timer);
        waiting.delete(group);
    };
    // The held option, not whichever is checked now: a save's redraw may have checked the previous choice again meanwhile.
    const send = (group) => {
        const radio = waiting.get(group)?.radio;
        forget(group);
        if (!radio?.isConnected) return;
        radio.checked = true;
        radio.dispatchEvent(new Event("change", { bubbles: true }));
    };
    const sendAll = () => [...waiting.keys()].forEach(send);
    window.addEventListener("keydown", (event) => {
        if (!arrows.has(event.key)) sendAll();
        else if (groupOf(event.target)) arrowAt = performance.now();
    }, true);
    window.addEventListener("change", (event) => {
        const group = event.isTrusted ? groupOf(event.target) : null;
        if (!group) return;
        if (performance.now() - arrowAt > 250) {
            forget(group);
            return;
        }
        event.stopPropagation();
        clearTimeout(waiting.get(group)?.timer);
        waiting.set(group, { timer: setTimeout(() => send(group), pause), radio: event.target });
    }, true);
    window.addEventListener("focusout", (event) => {
        const group = groupOf(event.target);
        if (group && waiting.has(group) && !(event.relatedTarget instanceof Node && group.contains(event.relatedTarget))) send(group);
    }, true);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") sendAll(); });
    window.addEventListener("pagehide", sendAll);
    window.addEventListener("popstate", sendAll, true);
})();
