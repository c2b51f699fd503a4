// The owner's signature on the tablet (交付验收): drawn on a <canvas> with pointer events (finger, pen or mouse),
// no library. Imported as a module by DeliverySignaturePad.razor; the PNG goes back to the server as a stream
// (a JS stream reference), so its size is not bound by the circuit's message limit.
const pads = new WeakMap();

export function attach(canvas) {
    const ctx = canvas.getContext('2d');
    const state = { drawing: false, empty: true, last: null };
    pads.set(canvas, state);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#000';
    const point = e => {
        const r = canvas.getBoundingClientRect();
        return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
    };
    canvas.addEventListener('pointerdown', e => {
        e.preventDefault();
        canvas.setPointerCapture(e.pointerId);
        state.drawing = true;
        state.last = point(e);
        ctx.beginPath();
        ctx.arc(state.last.x, state.last.y, ctx.lineWidth / 2, 0, Math.PI * 2);
        ctx.fillStyle = '#000';
        ctx.fill();
        state.empty = false;
    });
    canvas.addEventListener('pointermove', e => {
        if (!state.drawing) return;
        e.preventDefault();
        const p = point(e);
        ctx.beginPath();
        ctx.moveTo(state.last.x, state.last.y);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
        state.last = p;
    });
    const end = () => { state.drawing = false; state.last = null; };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('pointerleave', end);
}

export function clear(canvas) {
    canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    const state = pads.get(canvas);
    if (state) state.empty = true;
}

export function isEmpty(canvas) {
    return pads.get(canvas)?.empty ?? true;
}

// The drawing as PNG bytes; .NET asks for an IJSStreamReference, so Blazor streams them (call isEmpty first).
export async function png(canvas) {
    const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
    return new Uint8Array(await blob.arrayBuffer());
}
