// Small browser helpers called from Blazor (no inline scripts: the CSP forbids them).
window.vendorRisk = {
    // Set once the circuit is up: end-to-end tests wait for it before clicking.
    markInteractive: () => { document.body.dataset.interactive = "true"; },
    theme: {
        get: () => localStorage.getItem("vr-theme"),
        set: (value) => localStorage.setItem("vr-theme", value),
    },
    /** Focuses the first input of an element (Enter in the wizard moves to the next question). */
    focusFirst: (element) => (element?.querySelector("input:not([type=hidden]):not([disabled]), textarea, button") ?? element)?.focus(),
    download: (fileName, contentType, base64) => {
        const link = document.createElement("a");
        link.href = `data:${contentType};base64,${base64}`;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
    },
};

// Firefox starts an HTML drag only when the drag carries data; the editor's question rows carry none of their own.
document.addEventListener("dragstart", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-drag-question]")) {
        event.dataTransfer?.setData("text/plain", event.target.closest("[data-question]")?.dataset.question ?? "");
        if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
    }
});
