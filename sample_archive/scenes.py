"""Text-free scenes drawn with Pillow, so every sample looks like a different picture.

Each scene is a function of a seeded ``random.Random``: the same (kind, seed) always
draws the same pixels, which keeps the sample archive byte-for-byte reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter

SIZE = (640, 427)
Color = tuple[int, int, int]


def _jitter(rng: random.Random, color: Color, spread: int = 25) -> Color:
    return tuple(max(0, min(255, c + rng.randint(-spread, spread))) for c in color)  # type: ignore[return-value]


def _gradient(draw: ImageDraw.ImageDraw, top: Color, bottom: Color, y0: int, y1: int) -> None:
    width = SIZE[0]
    span = max(1, y1 - y0)
    for y in range(y0, y1):
        t = (y - y0) / span
        color = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=color)


def _ridge(rng: random.Random, horizon: int, height: int, steps: int) -> list[tuple[int, int]]:
    width = SIZE[0]
    points = [(0, SIZE[1])]
    for i in range(steps + 1):
        x = int(i * width / steps)
        points.append((x, horizon - rng.randint(0, height)))
    points.append((width, SIZE[1]))
    return points


def _smoke(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    horizon = rng.randint(250, 300)
    _gradient(draw, _jitter(rng, (150, 150, 155)), _jitter(rng, (200, 195, 185)), 0, horizon)
    _gradient(draw, (90, 85, 70), (60, 55, 45), horizon, SIZE[1])
    for _ in range(rng.randint(2, 3)):
        x = rng.randint(100, 540)
        for i in range(14):
            r = 18 + i * 6
            y = horizon - i * 16
            grey = 70 + i * 6
            draw.ellipse([x + i * 5 - r, y - r, x + i * 5 + r, y + r], fill=(grey, grey, grey - 4))
    for x in range(0, SIZE[0], rng.randint(30, 45)):
        h = rng.randint(20, 60)
        draw.rectangle([x, horizon - h, x + rng.randint(15, 28), horizon], fill=(55, 50, 48))


def _city(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    horizon = rng.randint(300, 360)
    _gradient(draw, _jitter(rng, (70, 130, 200)), _jitter(rng, (190, 215, 240)), 0, horizon)
    draw.rectangle([0, horizon, SIZE[0], SIZE[1]], fill=(70, 70, 75))
    x = 0
    while x < SIZE[0]:
        w, h = rng.randint(30, 80), rng.randint(60, 260)
        shade = _jitter(rng, (110, 115, 125), 40)
        draw.rectangle([x, horizon - h, x + w, horizon], fill=shade)
        for wy in range(horizon - h + 8, horizon - 8, 14):
            for wx in range(x + 5, x + w - 6, 10):
                if rng.random() < 0.6:
                    draw.rectangle([wx, wy, wx + 4, wy + 6], fill=_jitter(rng, (230, 220, 160)))
        x += w + rng.randint(0, 8)


def _harbour(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    horizon = rng.randint(200, 260)
    _gradient(draw, _jitter(rng, (250, 170, 110)), _jitter(rng, (255, 220, 170)), 0, horizon)
    _gradient(draw, _jitter(rng, (40, 80, 120)), (15, 35, 60), horizon, SIZE[1])
    sun_x = rng.randint(80, 560)
    draw.ellipse([sun_x - 30, horizon - 50, sun_x + 30, horizon + 10], fill=(255, 240, 200))
    for _ in range(rng.randint(2, 5)):
        bx, by = rng.randint(20, 560), rng.randint(horizon + 20, 400)
        size = rng.randint(20, 60)
        draw.polygon([(bx, by), (bx + size * 2, by), (bx + size * 2 - 10, by + size // 2),
                      (bx + 10, by + size // 2)], fill=_jitter(rng, (200, 60, 40)))
        draw.line([(bx + size, by), (bx + size, by - size)], fill=(240, 240, 240), width=3)
    for x in range(0, SIZE[0], 90):
        crane_h = rng.randint(40, 110)
        draw.line([(x + 20, horizon), (x + 20, horizon - crane_h)], fill=(60, 60, 70), width=4)
        draw.line([(x, horizon - crane_h), (x + 70, horizon - crane_h)], fill=(60, 60, 70), width=3)


def _stadium(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    _gradient(draw, (25, 25, 40), (60, 60, 80), 0, 120)
    for y in range(60, 150, 6):
        for x in range(0, SIZE[0], 6):
            draw.point((x + rng.randint(0, 3), y), fill=_jitter(rng, (180, 60, 60), 70))
    pitch = _jitter(rng, (40, 140, 60), 20)
    draw.polygon([(60, 150), (580, 150), (640, 427), (0, 427)], fill=pitch)
    for i in range(0, 6, 2):
        draw.polygon([(60 + i * 87, 150), (60 + (i + 1) * 87, 150),
                      ((i + 1) * 107, 427), (i * 107, 427)], fill=_jitter(rng, pitch, 8))
    draw.line([(320, 150), (320, 427)], fill=(240, 240, 240), width=3)
    draw.ellipse([250, 240, 390, 320], outline=(240, 240, 240), width=3)
    for _ in range(rng.randint(6, 12)):
        px, py = rng.randint(40, 600), rng.randint(180, 400)
        draw.rectangle([px, py, px + 8, py + 22], fill=_jitter(rng, (230, 230, 30), 60))


def _mountains(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    horizon = rng.randint(220, 300)
    _gradient(draw, _jitter(rng, (100, 160, 220)), (230, 240, 250), 0, horizon)
    for layer in range(3):
        color = _jitter(rng, (90 - layer * 20, 100 - layer * 20, 120 - layer * 25), 15)
        draw.polygon(_ridge(rng, horizon + layer * 40, 160 - layer * 40, 6 + layer * 3),
                     fill=color)
    if rng.random() < 0.5:
        draw.polygon(_ridge(rng, horizon + 140, 20, 12), fill=(235, 240, 245))


def _field(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    horizon = rng.randint(160, 240)
    _gradient(draw, _jitter(rng, (120, 170, 230)), (210, 225, 240), 0, horizon)
    base = _jitter(rng, (170, 140, 80), 40)
    for i in range(12):
        y0 = min(horizon + i * i * 2, SIZE[1] - 1)
        draw.rectangle([0, y0, SIZE[0], SIZE[1]], fill=_jitter(rng, base, 18))
    for _ in range(rng.randint(1, 4)):
        tx, ty = rng.randint(0, 600), horizon + rng.randint(-5, 15)
        draw.ellipse([tx - 25, ty - 60, tx + 25, ty - 10], fill=(40, 90, 40))
        draw.rectangle([tx - 3, ty - 15, tx + 3, ty + 10], fill=(70, 50, 30))
    for _ in range(3):
        cx, cy = rng.randint(0, 640), rng.randint(20, horizon - 40)
        for k in range(4):
            draw.ellipse([cx + k * 22 - 30, cy - 15, cx + k * 22 + 30, cy + 15], fill=(250, 250, 250))


def _night(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    _gradient(draw, (5, 5, 25), _jitter(rng, (30, 30, 70)), 0, 330)
    draw.rectangle([0, 330, SIZE[0], SIZE[1]], fill=(10, 15, 30))
    for _ in range(rng.randint(3, 6)):
        cx, cy = rng.randint(60, 580), rng.randint(40, 220)
        color = _jitter(rng, (220, 120, 200), 90)
        for _ray in range(24):
            dx, dy = rng.uniform(-1, 1), rng.uniform(-1, 1)
            draw.line([(cx, cy), (cx + dx * 70, cy + dy * 70)], fill=color, width=2)
    for x in range(0, SIZE[0], 12):
        draw.rectangle([x, 320 - rng.randint(0, 40), x + 8, 330], fill=(25, 25, 45))


def _desert(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    horizon = rng.randint(180, 250)
    _gradient(draw, _jitter(rng, (80, 150, 230)), (240, 230, 200), 0, SIZE[1])
    for layer in range(4):
        color = _jitter(rng, (220 - layer * 15, 170 - layer * 15, 100 - layer * 10), 12)
        pts = [(0, SIZE[1])]
        for x in range(0, SIZE[0] + 40, 40):
            pts.append((x, horizon + layer * 45 + int(20 * ((x // 40 + layer) % 3 - 1))
                        + rng.randint(-8, 8)))
        pts.append((SIZE[0], SIZE[1]))
        draw.polygon(pts, fill=color)
    sx = rng.randint(60, 580)
    draw.ellipse([sx - 22, 40, sx + 22, 84], fill=(255, 250, 220))


def _snow(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    horizon = rng.randint(200, 260)
    _gradient(draw, _jitter(rng, (170, 180, 195)), (225, 230, 235), 0, horizon)
    draw.rectangle([0, horizon, SIZE[0], SIZE[1]], fill=(240, 242, 248))
    for _ in range(rng.randint(8, 16)):
        tx, ty = rng.randint(0, 640), horizon + rng.randint(-10, 120)
        h = rng.randint(40, 110)
        draw.polygon([(tx, ty - h), (tx - h // 3, ty), (tx + h // 3, ty)], fill=(30, 70, 50))
    for _ in range(400):
        x, y = rng.randint(0, 639), rng.randint(0, 426)
        draw.ellipse([x, y, x + 3, y + 3], fill=(255, 255, 255))


def _crowd(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    _gradient(draw, _jitter(rng, (150, 190, 230)), (220, 220, 210), 0, 180)
    draw.rectangle([0, 120, SIZE[0], 200], fill=_jitter(rng, (160, 140, 120)))
    for row in range(9):
        y = 170 + row * 28
        for x in range(-10, SIZE[0], rng.randint(18, 26)):
            head = _jitter(rng, (180, 140, 110), 60)
            body = _jitter(rng, (90, 90, 130), 110)
            draw.rectangle([x, y + 10, x + 18, y + 45], fill=body)
            draw.ellipse([x + 3, y - 4, x + 15, y + 10], fill=head)
    if rng.random() < 0.7:
        fx = rng.randint(80, 500)
        draw.line([(fx, 200), (fx, 90)], fill=(80, 60, 40), width=3)
        draw.rectangle([fx, 90, fx + 70, 130], fill=_jitter(rng, (200, 30, 40), 60))


def _forest(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    _gradient(draw, _jitter(rng, (120, 110, 100)), (200, 120, 60), 0, 427)
    for _ in range(rng.randint(30, 45)):
        x = rng.randint(0, 640)
        w = rng.randint(8, 26)
        draw.rectangle([x, 0, x + w, 427], fill=_jitter(rng, (50, 35, 25), 15))
    for _ in range(25):
        cx, cy = rng.randint(0, 640), rng.randint(0, 200)
        draw.ellipse([cx - 40, cy - 25, cx + 40, cy + 25], fill=_jitter(rng, (200, 90, 30), 40))
    draw.rectangle([0, 370, 640, 427], fill=(90, 60, 30))


def _storm(rng: random.Random, draw: ImageDraw.ImageDraw) -> None:
    horizon = rng.randint(280, 330)
    _gradient(draw, (40, 45, 55), _jitter(rng, (110, 115, 125)), 0, horizon)
    _gradient(draw, (60, 70, 80), (30, 35, 40), horizon, SIZE[1])
    x, y = rng.randint(150, 500), 0
    while y < horizon:
        nx, ny = x + rng.randint(-30, 30), y + rng.randint(20, 40)
        draw.line([(x, y), (nx, ny)], fill=(250, 250, 220), width=3)
        x, y = nx, ny
    for _ in range(300):
        rx, ry = rng.randint(0, 640), rng.randint(0, 427)
        draw.line([(rx, ry), (rx - 4, ry + 14)], fill=(170, 175, 185))


SCENES: dict[str, Callable[[random.Random, ImageDraw.ImageDraw], None]] = {
    "smoke": _smoke, "city": _city, "harbour": _harbour, "stadium": _stadium,
    "mountains": _mountains, "field": _field, "night": _night, "desert": _desert,
    "snow": _snow, "crowd": _crowd, "forest": _forest, "storm": _storm,
}


def draw_scene(kind: str, seed: int) -> Image.Image:
    """A 640x427 RGB picture of ``kind`` ("smoke", "city", ...), the same for the same seed."""
    rng = random.Random(f"{kind}:{seed}")
    image = Image.new("RGB", SIZE)
    SCENES[kind](rng, ImageDraw.Draw(image))
    return image.filter(ImageFilter.SMOOTH)
