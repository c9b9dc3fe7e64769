"""OCR benchmark (issue #17, "Scanned originals"): how fast the worker reads
scanned pages, and how much of their text it gets right.

    .venv/bin/python benchmarks/ocr.py [PAGES] [--jobs 2] [--dpi 300]

Makes PAGES scanned A4 pages (Pillow: a Vietnamese paragraph in DejaVu Sans
11 pt, grey, slightly rotated, with scanner noise), each saved as a PDF with
no text layer, and reads them with qms.intranet.search.ocr.recognize (what
the worker runs: pdftoppm at 300 dpi, then Tesseract vie+eng), `jobs` files
at once. Prints pages per minute and the share of the paragraph's words
found in what Tesseract read (each word counted as many times as it
occurs). Needs `make ocr`.
"""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from PIL import Image
from PIL import ImageDraw
from PIL import ImageFilter
from PIL import ImageFont
from qms.intranet.search import ocr
from qms.intranet.site.demo.files import SCAN_FONT

import argparse
import random
import re
import tempfile
import textwrap
import time
import unicodedata


FONT = SCAN_FONT
SENTENCES = [
    "Quy trình này quy định cách kiểm soát tài liệu của hệ thống quản lý chất "
    "lượng theo tiêu chuẩn TCVN ISO 9001:2015.",
    "Trưởng đơn vị chịu trách nhiệm bảo đảm nhân viên sử dụng đúng phiên bản "
    "hiện hành của tài liệu.",
    "Thư ký ISO cập nhật danh mục tài liệu nội bộ và thu hồi các bản đã hết "
    "hiệu lực trong vòng năm ngày làm việc.",
    "Việc xem xét định kỳ được thực hiện ít nhất một lần mỗi năm, kết quả được "
    "ghi vào biên bản và lưu hồ sơ.",
    "Lãnh đạo Bộ phê duyệt kế hoạch đánh giá nội bộ, chỉ định trưởng đoàn và "
    "các chuyên gia đánh giá độc lập.",
    "Hành động khắc phục phải xác định nguyên nhân gốc rễ của sự không phù hợp "
    "và thời hạn hoàn thành cụ thể.",
    "Căn cứ Nghị định số 30/2020/NĐ-CP về công tác văn thư, văn bản đi được "
    "đăng ký, đóng dấu và phát hành trong ngày.",
    "Phòng Kế hoạch - Tài chính tổng hợp báo cáo kết quả thực hiện mục tiêu "
    "chất lượng gửi Văn phòng trước ngày mười lăm.",
    "Hồ sơ được lưu trữ theo thời hạn quy định trong danh mục hồ sơ của đơn "
    "vị, sau đó được tiêu hủy theo quyết định của Thủ trưởng.",
    "Ý kiến góp ý của cán bộ, công chức được tiếp nhận, xử lý và phản hồi "
    "bằng văn bản trong thời hạn mười ngày.",
]


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.sample(SENTENCES, 6))


def scanned_page(text: str, rng: random.Random, dpi: int) -> Image.Image:
    """An A4 page at `dpi` as a scanner gives it."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    page = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, round(11 / 72 * dpi))
    y = round(dpi)
    for line in textwrap.wrap(text, 70):
        draw.text((round(0.8 * dpi), y), line, font=font, fill=20)
        y += round(0.25 * dpi)
    page = page.rotate(rng.uniform(-0.8, 0.8), fillcolor=250, resample=Image.BICUBIC)
    noise = Image.effect_noise((width, height), 18)
    page = Image.blend(page, noise, 0.12)
    return page.filter(ImageFilter.GaussianBlur(0.4))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text.lower()))


def share_found(truth: str, read: str) -> tuple[int, int]:
    """(words of `truth` found in `read`, words of `truth`), as multisets."""
    want, got = Counter(words(truth)), Counter(words(read))
    return sum(min(n, got[w]) for w, n in want.items()), sum(want.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="?", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    if not ocr.available():
        raise SystemExit("Tesseract with Vietnamese is missing: run `make ocr`")
    rng = random.Random(args.seed)  # noqa: S311 - test data, not secrets
    with tempfile.TemporaryDirectory(prefix="qms-ocr-bench-") as folder:
        truths = {}
        for number in range(args.pages):
            text = paragraph(rng)
            path = Path(folder) / f"scan-{number:03}.pdf"
            scanned_page(text, rng, args.dpi).save(path, "PDF", resolution=args.dpi)
            truths[str(path)] = text
        print(
            f"{args.pages} scanned pages (A4, {args.dpi} dpi, PDF without text), "
            f"{args.jobs} at once, Tesseract {ocr.LANGUAGES}"
        )
        started = time.monotonic()
        with ThreadPoolExecutor(args.jobs) as pool:
            read = dict(zip(truths, pool.map(ocr.recognize, truths), strict=True))
        elapsed = time.monotonic() - started
    found = total = 0
    for path, text in truths.items():
        hit, count = share_found(text, read[path])
        found += hit
        total += count
    print(f"time: {elapsed:.1f} s, {elapsed / args.pages:.2f} s per page")
    print(f"pages per minute: {args.pages / elapsed * 60:.1f}")
    print(f"words recognized: {found}/{total} = {found / total:.1%}")


if __name__ == "__main__":
    main()
