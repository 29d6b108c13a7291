// Autosave of the vendor portal: each question's form is posted as it changes (typing waits for a pause), one request
// at a time per question, carrying the version it last saw. Without this script every form still has a Save button.
(() => {
    const pending = new Set();

    const setStatus = (form, text, failed) => {
        const status = form.querySelector("[data-portal-status]");
        status.textContent = text;
        status.classList.toggle("portal-status-failed", !!failed);
    };

    // What the server counts as answered: a choice, a number or text, or "does not apply". A comment alone is not.
    const isAnswered = (form) =>
        !!form.querySelector("input[name=choice]:checked, input[name=choices]:checked, input[name=notApplicable]:checked")
        || [...form.querySelectorAll("input[name=number], textarea[name=text]")].some((input) => input.value.trim() !== "");

    // The progress line and the contents' counts follow each save, as the page would show them reloaded.
    const recount = () => {
        const forms = [...document.querySelectorAll("form[data-portal-autosave]")];
        const answered = (list) => list.filter((f) => f.dataset.answered === "true").length;
        const progress = document.getElementById("portal-progress");
        if (progress) progress.textContent = answered(forms) + " of " + forms.length + " questions answered.";
        document.querySelectorAll("[data-portal-section-count]").forEach((count) => {
            const section = forms.filter((f) => f.dataset.portalSection === count.dataset.portalSectionCount);
            count.textContent = answered(section) + " of " + section.length;
            count.closest("li")?.classList.toggle("portal-contents-done", answered(section) === section.length);
        });
    };

    const save = (form, keepalive) => {
        form._dirty = false;
        const previous = form._saving ?? Promise.resolve();
        const next = previous.then(async () => {
            setStatus(form, "Saving…");
            try {
                const response = await fetch(form.action, {
                    method: "POST",
                    body: new FormData(form),
                    headers: { Accept: "application/json" },
                    credentials: "same-origin",
                    keepalive: !!keepalive,
                });
                const body = await response.json().catch(() => ({}));
                if (response.ok) {
                    form.querySelector("input[name=expectedVersion]").value = body.version;
                    form.dataset.answered = String(isAnswered(form));
                    recount();
                    setStatus(form, "Saved " + new Date(body.savedAt).toISOString().slice(0, 16).replace("T", " ") + " UTC");
                } else if (response.status === 410 && body.location) {
                    window.location.assign(body.location);
                } else {
                    setStatus(form, "Not saved: " + (body.message ?? "the server refused it (" + response.status + ")."), true);
                }
            } catch {
                setStatus(form, "Not saved: no connection. Your input is still here; it is saved at the next change.", true);
            }
        });
        form._saving = next;
        pending.add(next);
        next.finally(() => pending.delete(next));
        return next;
    };

    document.querySelectorAll("form[data-portal-autosave]").forEach((form) => {
        let timer;
        form.addEventListener("change", () => { clearTimeout(timer); save(form); });
        form.addEventListener("input", (event) => {
            if (event.target.matches("textarea, input[type=text]")) {
                clearTimeout(timer);
                form._dirty = true;
                timer = setTimeout(() => save(form), 800);
            }
        });
        form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); save(form); });
    });

    // Leaving or reloading the page sends typing that is still waiting for its pause.
    window.addEventListener("pagehide", () => {
        document.querySelectorAll("form[data-portal-autosave]").forEach((form) => { if (form._dirty) save(form, true); });
    });

    // A file over the limit is refused here, before its bytes travel: the server stops reading a body that large, and the
    // browser would show the dropped connection instead of the portal's answer.
    document.querySelectorAll("form.portal-file-form").forEach((form) => {
        const input = form.querySelector("input[type=file][data-max-bytes]");
        const refusal = form.querySelector("[data-portal-file-refusal]");
        const check = () => {
            const file = input.files?.[0];
            const max = Number(input.dataset.maxBytes);
            const tooLarge = !!file && file.size > max;
            refusal.hidden = !tooLarge;
            refusal.textContent = tooLarge
                ? "Not attached: " + file.name + " is " + (Math.ceil(file.size * 10 / 1048576) / 10).toFixed(1) + " MB; a file may be at most " + Math.floor(max / 1048576) + " MB."
                : "";
            return !tooLarge;
        };
        input.addEventListener("change", check);
        form.addEventListener("submit", (event) => { if (!check()) event.preventDefault(); });
    });

    // Submitting waits for every save still on its way.
    document.querySelectorAll("form[data-portal-submit]").forEach((form) => {
        form.addEventListener("submit", async (event) => {
            if (pending.size === 0) return;
            event.preventDefault();
            await Promise.allSettled([...pending]);
            form.submit();
        });
    });
})();
