# ruff: noqa: E501 - the documents' text reads better whole
"""The documents of the graded search test set (issue #17): an ISO 9001
system of a ministry, as staff store it.

Procedures (QT-xx/<unit>), their forms (BM-xx/QT-xx/<unit>), legal documents
(decisions, circulars, a decree, a law), plans, reports, minutes, notices and
letters. On purpose there are near-duplicates: the same procedure for two
units (QT-02/VP, QT-02/KHCN), two issues of one procedure (QT-06/VP of 2019
and 2024), the same number in two years (Thông tư 15/2022 and 15/2023) or of
two issuers (Quyết định 12/2024/QĐ-BKHCN and 12/2024/QĐ-TTg), documents that
only cite another's code or title, words whose marks differ (ban, bàn, bản;
kho, khó; mua, mùa) and spelling variants (quý/quí, kỹ/kĩ, lý/lí, tỷ/tỉ).

Data only: see queries.py for what searching it must find.
"""

# key: unique; title; code: as printed on the document (None: no code);
# unit: the owning unit's abbreviation; year: of issue; text: its body.
DOCUMENTS = [
    {
        "key": "qt01-vp-1",
        "title": "Quy trình kiểm soát tài liệu",
        "code": "QT-01/VP",
        "unit": "VP",
        "year": 2019,
        "text": "Quy trình kiểm soát tài liệu, mã số QT-01/VP, lần ban hành 01, năm 2019. "
        "Đơn vị chủ trì: Văn phòng Bộ. 1. Mục đích: Thống nhất cách soạn thảo, xem "
        "xét, phê duyệt, ban hành, phân phối, sửa đổi và thu hồi tài liệu của hệ "
        "thống quản lý chất lượng. 2. Phạm vi áp dụng: Văn phòng Bộ và các đơn vị "
        "liên quan. 3. Tài liệu viện dẫn: TCVN ISO 9001:2015; Thông tư "
        "26/2014/TT-BKHCN. 4. Nội dung: Tài liệu nội bộ được đánh mã số theo quy ước "
        "QT-xx cho quy trình và BM-xx/QT-xx cho biểu mẫu. Bộ phận ISO lập Danh mục "
        "tài liệu nội bộ và cập nhật khi có thay đổi. Tài liệu lỗi thời được thu "
        "hồi, đóng dấu hết hiệu lực và lưu một bản.",
    },
    {
        "key": "qt01-vp-2",
        "title": "Quy trình kiểm soát tài liệu",
        "code": "QT-01/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Quy trình kiểm soát tài liệu, mã số QT-01/VP, lần ban hành 02, năm 2024. "
        "Đơn vị chủ trì: Văn phòng Bộ. 1. Mục đích: Thống nhất cách soạn thảo, xem "
        "xét, phê duyệt, ban hành, phân phối, sửa đổi và thu hồi tài liệu; lần ban "
        "hành này bổ sung việc phân phối tài liệu điện tử trên mạng nội bộ. 2. Phạm "
        "vi áp dụng: Văn phòng Bộ và các đơn vị liên quan. 3. Tài liệu viện dẫn: "
        "TCVN ISO 9001:2015; Thông tư 26/2014/TT-BKHCN; Quyết định 19/2014/QĐ-TTg. "
        "4. Nội dung: Tài liệu được phân phối bản điện tử qua cổng thông tin nội bộ "
        "thay cho bản giấy. Mỗi lần sửa đổi ghi rõ nội dung thay đổi ở trang theo "
        "dõi sửa đổi. Tài liệu có nguồn gốc bên ngoài được cập nhật vào danh mục "
        "riêng.",
    },
    {
        "key": "qt01-khcn",
        "title": "Quy trình kiểm soát tài liệu",
        "code": "QT-01/KHCN",
        "unit": "KHCN",
        "year": 2022,
        "text": "Quy trình kiểm soát tài liệu, mã số QT-01/KHCN, lần ban hành 01, năm 2022. "
        "Đơn vị chủ trì: Vụ Khoa học và Công nghệ các ngành kinh tế - kỹ thuật. 1. "
        "Mục đích: Kiểm soát tài liệu chuyên môn về thẩm định công nghệ của Vụ. 2. "
        "Phạm vi áp dụng: Vụ Khoa học và Công nghệ các ngành kinh tế - kỹ thuật và "
        "các đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN ISO 9001:2015; Thông tư "
        "26/2014/TT-BKHCN. 4. Nội dung: Chuyên viên soạn thảo tài liệu, lãnh đạo Vụ "
        "xem xét, Vụ trưởng phê duyệt. Tài liệu chuyên môn được lưu tại thư mục dùng "
        "chung của Vụ.",
    },
    {
        "key": "qt02-vp",
        "title": "Quy trình kiểm soát hồ sơ",
        "code": "QT-02/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Quy trình kiểm soát hồ sơ, mã số QT-02/VP, lần ban hành 01, năm 2021. Đơn "
        "vị chủ trì: Văn phòng Bộ. 1. Mục đích: Quy định việc nhận biết, lưu giữ, "
        "bảo vệ, truy cập, thời hạn lưu và hủy hồ sơ chất lượng. 2. Phạm vi áp dụng: "
        "Văn phòng Bộ và các đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN ISO "
        "9001:2015; Nghị định 30/2020/NĐ-CP. 4. Nội dung: Mỗi đơn vị lập Danh mục hồ "
        "sơ theo biểu mẫu BM-01/QT-02/VP đầu năm. Hồ sơ được lưu tại đơn vị trong "
        "thời hạn quy định rồi nộp vào lưu trữ cơ quan. Việc mượn hồ sơ phải lập "
        "Phiếu mượn hồ sơ.",
    },
    {
        "key": "qt02-khcn",
        "title": "Quy trình kiểm soát hồ sơ",
        "code": "QT-02/KHCN",
        "unit": "KHCN",
        "year": 2022,
        "text": "Quy trình kiểm soát hồ sơ, mã số QT-02/KHCN, lần ban hành 01, năm 2022. Đơn "
        "vị chủ trì: Vụ Khoa học và Công nghệ các ngành kinh tế - kỹ thuật. 1. Mục "
        "đích: Quy định việc lập, lưu giữ và khai thác hồ sơ thẩm định của Vụ. 2. "
        "Phạm vi áp dụng: Vụ Khoa học và Công nghệ các ngành kinh tế - kỹ thuật và "
        "các đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN ISO 9001:2015; Nghị định "
        "30/2020/NĐ-CP. 4. Nội dung: Hồ sơ thẩm định nhiệm vụ được lập theo từng "
        "nhiệm vụ, lưu tại Vụ năm năm, sau đó nộp lưu trữ cơ quan. Danh mục hồ sơ "
        "của Vụ lập theo biểu mẫu BM-01/QT-02/KHCN.",
    },
    {
        "key": "qt03-vp",
        "title": "Quy trình đánh giá nội bộ",
        "code": "QT-03/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Quy trình đánh giá nội bộ, mã số QT-03/VP, lần ban hành 01, năm 2021. Đơn "
        "vị chủ trì: Văn phòng Bộ. 1. Mục đích: Xác định hệ thống quản lý chất lượng "
        "có phù hợp với các yêu cầu của tiêu chuẩn và được duy trì hiệu lực hay "
        "không. 2. Phạm vi áp dụng: Văn phòng Bộ và các đơn vị liên quan. 3. Tài "
        "liệu viện dẫn: TCVN ISO 9001:2015; Thông tư 26/2014/TT-BKHCN. 4. Nội dung: "
        "Đánh giá nội bộ được thực hiện định kỳ ít nhất một lần mỗi năm. Trưởng đoàn "
        "đánh giá lập kế hoạch, thông báo cho đơn vị được đánh giá, chủ trì họp khai "
        "mạc và họp kết thúc, lập báo cáo đánh giá. Chuyên gia đánh giá không đánh "
        "giá công việc của chính mình.",
    },
    {
        "key": "qt04-vp",
        "title": "Quy trình kiểm soát sự không phù hợp và hành động khắc phục",
        "code": "QT-04/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Quy trình kiểm soát sự không phù hợp và hành động khắc phục, mã số "
        "QT-04/VP, lần ban hành 01, năm 2021. Đơn vị chủ trì: Văn phòng Bộ. 1. Mục "
        "đích: Phát hiện, xử lý sự không phù hợp và thực hiện hành động khắc phục để "
        "loại bỏ nguyên nhân. 2. Phạm vi áp dụng: Văn phòng Bộ và các đơn vị liên "
        "quan. 3. Tài liệu viện dẫn: TCVN ISO 9001:2015; Thông tư 26/2014/TT-BKHCN. "
        "4. Nội dung: Sự không phù hợp phát hiện qua đánh giá, khiếu nại hoặc kiểm "
        "tra được ghi vào sổ theo dõi. Đơn vị liên quan phân tích nguyên nhân, đề "
        "xuất hành động khắc phục bằng Phiếu yêu cầu hành động khắc phục và báo cáo "
        "kết quả.",
    },
    {
        "key": "qt05-vp",
        "title": "Quy trình xem xét của lãnh đạo",
        "code": "QT-05/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Quy trình xem xét của lãnh đạo, mã số QT-05/VP, lần ban hành 01, năm 2021. "
        "Đơn vị chủ trì: Văn phòng Bộ. 1. Mục đích: Định kỳ xem xét hệ thống quản lý "
        "chất lượng để bảo đảm luôn thích hợp, thỏa đáng và có hiệu lực. 2. Phạm vi "
        "áp dụng: Văn phòng Bộ và các đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN "
        "ISO 9001:2015; Thông tư 26/2014/TT-BKHCN. 4. Nội dung: Cuộc họp xem xét của "
        "lãnh đạo được tổ chức mỗi năm một lần do Thứ trưởng phụ trách chủ trì. Đầu "
        "vào gồm kết quả đánh giá nội bộ, ý kiến phản hồi, tình hình thực hiện mục "
        "tiêu chất lượng. Đầu ra là các quyết định cải tiến.",
    },
    {
        "key": "qt06-vp-2019",
        "title": "Quy trình quản lý văn bản đến",
        "code": "QT-06/VP",
        "unit": "VP",
        "year": 2019,
        "text": "Quy trình quản lý văn bản đến, mã số QT-06/VP, lần ban hành 01, năm 2019. "
        "Đơn vị chủ trì: Văn phòng Bộ. 1. Mục đích: Quy định việc tiếp nhận, đăng "
        "ký, trình, chuyển giao và theo dõi giải quyết văn bản đến. 2. Phạm vi áp "
        "dụng: Văn phòng Bộ và các đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN ISO "
        "9001:2015; Nghị định 110/2004/NĐ-CP. 4. Nội dung: Văn thư tiếp nhận văn bản "
        "đến, đóng dấu đến, ghi số đến và đăng ký vào sổ đăng ký văn bản đến. Chánh "
        "Văn phòng cho ý kiến phân phối. Văn bản đến được chuyển bản giấy cho đơn vị "
        "giải quyết trong ngày.",
    },
    {
        "key": "qt06-vp-2024",
        "title": "Quy trình quản lý văn bản đến",
        "code": "QT-06/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Quy trình quản lý văn bản đến, mã số QT-06/VP, lần ban hành 02, năm 2024. "
        "Đơn vị chủ trì: Văn phòng Bộ. 1. Mục đích: Quy định việc tiếp nhận, đăng "
        "ký, trình, chuyển giao và theo dõi giải quyết văn bản đến trên hệ thống "
        "quản lý văn bản điện tử. 2. Phạm vi áp dụng: Văn phòng Bộ và các đơn vị "
        "liên quan. 3. Tài liệu viện dẫn: TCVN ISO 9001:2015; Nghị định "
        "30/2020/NĐ-CP. 4. Nội dung: Văn bản đến được số hóa, đăng ký trên hệ thống "
        "quản lý văn bản và điều hành, trình lãnh đạo cho ý kiến và chuyển đơn vị xử "
        "lý qua mạng. Thời hạn giải quyết được theo dõi tự động.",
    },
    {
        "key": "qt07-vp",
        "title": "Quy trình quản lý văn bản đi",
        "code": "QT-07/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Quy trình quản lý văn bản đi, mã số QT-07/VP, lần ban hành 01, năm 2021. "
        "Đơn vị chủ trì: Văn phòng Bộ. 1. Mục đích: Quy định việc soạn thảo, kiểm "
        "tra thể thức, ký ban hành, đăng ký, phát hành và lưu văn bản đi. 2. Phạm vi "
        "áp dụng: Văn phòng Bộ và các đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN "
        "ISO 9001:2015; Nghị định 30/2020/NĐ-CP. 4. Nội dung: Đơn vị soạn thảo dự "
        "thảo văn bản, Văn phòng kiểm tra thể thức và kỹ thuật trình bày, lãnh đạo "
        "ký ban hành. Văn thư ghi số, ngày tháng, đăng ký vào sổ đăng ký văn bản đi, "
        "phát hành và lưu bản gốc.",
    },
    {
        "key": "qt08-ttra",
        "title": "Quy trình tiếp nhận và giải quyết khiếu nại, tố cáo",
        "code": "QT-08/TTRA",
        "unit": "TTRA",
        "year": 2022,
        "text": "Quy trình tiếp nhận và giải quyết khiếu nại, tố cáo, mã số QT-08/TTRA, lần "
        "ban hành 01, năm 2022. Đơn vị chủ trì: Thanh tra Bộ. 1. Mục đích: Quy định "
        "trình tự tiếp công dân, tiếp nhận, phân loại và giải quyết đơn khiếu nại, "
        "tố cáo. 2. Phạm vi áp dụng: Thanh tra Bộ và các đơn vị liên quan. 3. Tài "
        "liệu viện dẫn: TCVN ISO 9001:2015; Luật Khiếu nại năm 2011; Luật Tố cáo năm "
        "2018. 4. Nội dung: Cán bộ tiếp công dân ghi vào sổ tiếp công dân, phân loại "
        "đơn trong mười ngày. Đơn thuộc thẩm quyền được đề xuất thụ lý; đơn không "
        "thuộc thẩm quyền được hướng dẫn hoặc chuyển cơ quan có thẩm quyền.",
    },
    {
        "key": "qt09-tccb",
        "title": "Quy trình tuyển dụng công chức",
        "code": "QT-09/TCCB",
        "unit": "TCCB",
        "year": 2022,
        "text": "Quy trình tuyển dụng công chức, mã số QT-09/TCCB, lần ban hành 01, năm "
        "2022. Đơn vị chủ trì: Vụ Tổ chức cán bộ. 1. Mục đích: Quy định trình tự tổ "
        "chức tuyển dụng công chức vào làm việc tại các đơn vị thuộc Bộ. 2. Phạm vi "
        "áp dụng: Vụ Tổ chức cán bộ và các đơn vị liên quan. 3. Tài liệu viện dẫn: "
        "TCVN ISO 9001:2015; Nghị định 138/2020/NĐ-CP. 4. Nội dung: Vụ Tổ chức cán "
        "bộ xây dựng kế hoạch tuyển dụng, thông báo tuyển dụng, tiếp nhận Phiếu đăng "
        "ký dự tuyển, thành lập Hội đồng tuyển dụng, tổ chức thi tuyển hai vòng và "
        "công nhận kết quả.",
    },
    {
        "key": "qt10-tccb",
        "title": "Quy trình đào tạo, bồi dưỡng công chức",
        "code": "QT-10/TCCB",
        "unit": "TCCB",
        "year": 2022,
        "text": "Quy trình đào tạo, bồi dưỡng công chức, mã số QT-10/TCCB, lần ban hành 01, "
        "năm 2022. Đơn vị chủ trì: Vụ Tổ chức cán bộ. 1. Mục đích: Quy định việc xác "
        "định nhu cầu, lập kế hoạch, tổ chức và đánh giá hiệu quả đào tạo, bồi "
        "dưỡng. 2. Phạm vi áp dụng: Vụ Tổ chức cán bộ và các đơn vị liên quan. 3. "
        "Tài liệu viện dẫn: TCVN ISO 9001:2015; Nghị định 101/2017/NĐ-CP. 4. Nội "
        "dung: Các đơn vị đăng ký nhu cầu đào tạo trước ngày 30 tháng 10. Vụ Tổ chức "
        "cán bộ tổng hợp, trình Bộ trưởng phê duyệt kế hoạch đào tạo, bồi dưỡng hằng "
        "năm và theo dõi kết quả học tập của công chức.",
    },
    {
        "key": "qt11-khtc",
        "title": "Quy trình quản lý, sử dụng tài sản công",
        "code": "QT-11/KHTC",
        "unit": "KHTC",
        "year": 2022,
        "text": "Quy trình quản lý, sử dụng tài sản công, mã số QT-11/KHTC, lần ban hành 01, "
        "năm 2022. Đơn vị chủ trì: Vụ Kế hoạch - Tài chính. 1. Mục đích: Quy định "
        "việc mua sắm, giao, sử dụng, bảo dưỡng, kiểm kê và thanh lý tài sản công. "
        "2. Phạm vi áp dụng: Vụ Kế hoạch - Tài chính và các đơn vị liên quan. 3. Tài "
        "liệu viện dẫn: TCVN ISO 9001:2015; Luật Quản lý, sử dụng tài sản công năm "
        "2017. 4. Nội dung: Tài sản được giao cho đơn vị sử dụng bằng biên bản bàn "
        "giao. Cuối năm các đơn vị kiểm kê tài sản, lập biên bản kiểm kê và báo cáo "
        "Vụ Kế hoạch - Tài chính. Tài sản hư hỏng được đề xuất thanh lý.",
    },
    {
        "key": "qt12-khcn",
        "title": "Quy trình thẩm định nhiệm vụ khoa học và công nghệ cấp quốc gia",
        "code": "QT-12/KHCN",
        "unit": "KHCN",
        "year": 2023,
        "text": "Quy trình thẩm định nhiệm vụ khoa học và công nghệ cấp quốc gia, mã số "
        "QT-12/KHCN, lần ban hành 01, năm 2023. Đơn vị chủ trì: Vụ Khoa học và Công "
        "nghệ các ngành kinh tế - kỹ thuật. 1. Mục đích: Quy định việc thẩm định nội "
        "dung và kinh phí của nhiệm vụ khoa học và công nghệ cấp quốc gia. 2. Phạm "
        "vi áp dụng: Vụ Khoa học và Công nghệ các ngành kinh tế - kỹ thuật và các "
        "đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN ISO 9001:2015; Thông tư "
        "15/2023/TT-BKHCN quy định quản lý nhiệm vụ khoa học và công nghệ cấp quốc "
        "gia. 4. Nội dung: Vụ tiếp nhận hồ sơ, thành lập tổ thẩm định, tổ chức họp "
        "thẩm định và lập Phiếu thẩm định nhiệm vụ. Kết quả thẩm định được trình "
        "Lãnh đạo Bộ phê duyệt theo Thông tư 15/2023/TT-BKHCN.",
    },
    {
        "key": "qt13-pc",
        "title": "Quy trình xây dựng văn bản quy phạm pháp luật",
        "code": "QT-13/PC",
        "unit": "PC",
        "year": 2022,
        "text": "Quy trình xây dựng văn bản quy phạm pháp luật, mã số QT-13/PC, lần ban hành "
        "01, năm 2022. Đơn vị chủ trì: Vụ Pháp chế. 1. Mục đích: Quy định trình tự "
        "lập đề nghị, soạn thảo, lấy ý kiến, thẩm định và ban hành văn bản quy phạm "
        "pháp luật của Bộ. 2. Phạm vi áp dụng: Vụ Pháp chế và các đơn vị liên quan. "
        "3. Tài liệu viện dẫn: TCVN ISO 9001:2015; Luật Ban hành văn bản quy phạm "
        "pháp luật năm 2015. 4. Nội dung: Đơn vị chủ trì soạn thảo lấy ý kiến các "
        "đơn vị và đối tượng chịu tác động, Vụ Pháp chế thẩm định dự thảo trước khi "
        "trình Bộ trưởng ký ban hành thông tư.",
    },
    {
        "key": "qt14-htqt",
        "title": "Quy trình quản lý đoàn ra, đoàn vào",
        "code": "QT-14/HTQT",
        "unit": "HTQT",
        "year": 2022,
        "text": "Quy trình quản lý đoàn ra, đoàn vào, mã số QT-14/HTQT, lần ban hành 01, năm "
        "2022. Đơn vị chủ trì: Vụ Hợp tác quốc tế. 1. Mục đích: Quy định việc xây "
        "dựng kế hoạch, trình duyệt, tổ chức và báo cáo kết quả các đoàn ra nước "
        "ngoài và đoàn nước ngoài vào làm việc. 2. Phạm vi áp dụng: Vụ Hợp tác quốc "
        "tế và các đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN ISO 9001:2015; Quyết "
        "định 17/2022/QĐ-TTg. 4. Nội dung: Đơn vị có đoàn ra lập Tờ trình cử đoàn ra "
        "gửi Vụ Hợp tác quốc tế trước ít nhất mười lăm ngày. Sau chuyến công tác, "
        "trưởng đoàn nộp báo cáo kết quả trong mười ngày.",
    },
    {
        "key": "qt15-cntt",
        "title": "Quy trình sao lưu dữ liệu và bảo đảm an toàn thông tin",
        "code": "QT-15/CNTT",
        "unit": "CNTT",
        "year": 2023,
        "text": "Quy trình sao lưu dữ liệu và bảo đảm an toàn thông tin, mã số QT-15/CNTT, "
        "lần ban hành 01, năm 2023. Đơn vị chủ trì: Trung tâm Công nghệ thông tin. "
        "1. Mục đích: Quy định việc sao lưu, phục hồi dữ liệu và xử lý sự cố an toàn "
        "thông tin trên hệ thống của Bộ. 2. Phạm vi áp dụng: Trung tâm Công nghệ "
        "thông tin và các đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN ISO "
        "9001:2015; Nghị định 85/2016/NĐ-CP. 4. Nội dung: Dữ liệu các hệ thống được "
        "sao lưu hằng ngày, bản sao lưu được kiểm tra phục hồi hằng tháng và ghi vào "
        "nhật ký sao lưu. Sự cố an toàn thông tin được báo cáo ngay cho Trung tâm "
        "bằng Phiếu báo cáo sự cố.",
    },
    {
        "key": "qt16-khtc",
        "title": "Quy trình thanh toán, quyết toán kinh phí",
        "code": "QT-16/KHTC",
        "unit": "KHTC",
        "year": 2023,
        "text": "Quy trình thanh toán, quyết toán kinh phí, mã số QT-16/KHTC, lần ban hành "
        "01, năm 2023. Đơn vị chủ trì: Vụ Kế hoạch - Tài chính. 1. Mục đích: Quy "
        "định hồ sơ, trình tự tạm ứng, thanh toán và quyết toán kinh phí hoạt động. "
        "2. Phạm vi áp dụng: Vụ Kế hoạch - Tài chính và các đơn vị liên quan. 3. Tài "
        "liệu viện dẫn: TCVN ISO 9001:2015; Luật Ngân sách nhà nước năm 2015. 4. Nội "
        "dung: Người đề nghị lập Giấy đề nghị tạm ứng hoặc Giấy đề nghị thanh toán "
        "kèm chứng từ hợp lệ. Kế toán kiểm tra, trình chủ tài khoản duyệt chi. Cuối "
        "năm lập báo cáo quyết toán.",
    },
    {
        "key": "qt17-vp",
        "title": "Quy trình quản lý kho lưu trữ cơ quan",
        "code": "QT-17/VP",
        "unit": "VP",
        "year": 2022,
        "text": "Quy trình quản lý kho lưu trữ cơ quan, mã số QT-17/VP, lần ban hành 01, năm "
        "2022. Đơn vị chủ trì: Văn phòng Bộ. 1. Mục đích: Quy định việc thu nộp, "
        "chỉnh lý, bảo quản và phục vụ khai thác tài liệu trong kho lưu trữ. 2. Phạm "
        "vi áp dụng: Văn phòng Bộ và các đơn vị liên quan. 3. Tài liệu viện dẫn: "
        "TCVN ISO 9001:2015; Luật Lưu trữ năm 2011. 4. Nội dung: Kho lưu trữ được "
        "trang bị giá, hộp, thiết bị phòng cháy và máy hút ẩm. Người khai thác tài "
        "liệu lập Phiếu yêu cầu khai thác tài liệu lưu trữ. Nhiệt độ và độ ẩm trong "
        "kho được ghi hằng ngày.",
    },
    {
        "key": "qt18-tccb",
        "title": "Quy trình thi đua, khen thưởng",
        "code": "QT-18/TCCB",
        "unit": "TCCB",
        "year": 2023,
        "text": "Quy trình thi đua, khen thưởng, mã số QT-18/TCCB, lần ban hành 01, năm "
        "2023. Đơn vị chủ trì: Vụ Tổ chức cán bộ. 1. Mục đích: Quy định việc đăng ký "
        "thi đua, bình xét và đề nghị khen thưởng hằng năm. 2. Phạm vi áp dụng: Vụ "
        "Tổ chức cán bộ và các đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN ISO "
        "9001:2015; Luật Thi đua, khen thưởng năm 2022. 4. Nội dung: Đầu năm các tập "
        "thể và cá nhân nộp Bản đăng ký thi đua. Cuối năm Hội đồng thi đua, khen "
        "thưởng họp bình xét, trình Bộ trưởng quyết định tặng danh hiệu và bằng "
        "khen.",
    },
    {
        "key": "qt19-vp",
        "title": "Quy trình tổ chức hội nghị, hội thảo",
        "code": "QT-19/VP",
        "unit": "VP",
        "year": 2023,
        "text": "Quy trình tổ chức hội nghị, hội thảo, mã số QT-19/VP, lần ban hành 01, năm "
        "2023. Đơn vị chủ trì: Văn phòng Bộ. 1. Mục đích: Quy định việc chuẩn bị, tổ "
        "chức và tổng kết các hội nghị, hội thảo do Bộ chủ trì. 2. Phạm vi áp dụng: "
        "Văn phòng Bộ và các đơn vị liên quan. 3. Tài liệu viện dẫn: TCVN ISO "
        "9001:2015; Thông tư 40/2017/TT-BTC. 4. Nội dung: Đơn vị chủ trì lập kế "
        "hoạch và dự toán, gửi giấy mời họp trước ít nhất ba ngày làm việc, chuẩn bị "
        "tài liệu, phòng họp và ghi biên bản.",
    },
    {
        "key": "qt20-pc",
        "title": "Quy trình kiểm tra, rà soát văn bản quy phạm pháp luật",
        "code": "QT-20/PC",
        "unit": "PC",
        "year": 2023,
        "text": "Quy trình kiểm tra, rà soát văn bản quy phạm pháp luật, mã số QT-20/PC, lần "
        "ban hành 01, năm 2023. Đơn vị chủ trì: Vụ Pháp chế. 1. Mục đích: Quy định "
        "việc tự kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật do Bộ "
        "ban hành. 2. Phạm vi áp dụng: Vụ Pháp chế và các đơn vị liên quan. 3. Tài "
        "liệu viện dẫn: TCVN ISO 9001:2015; Nghị định 34/2016/NĐ-CP. 4. Nội dung: Vụ "
        "Pháp chế lập kế hoạch rà soát hằng năm, các đơn vị rà soát văn bản thuộc "
        "lĩnh vực được giao và đề xuất sửa đổi, bãi bỏ văn bản không còn phù hợp.",
    },
    {
        "key": "bm01-qt01-vp",
        "title": "Danh mục tài liệu nội bộ",
        "code": "BM-01/QT-01/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Biểu mẫu BM-01/QT-01/VP kèm theo Quy trình kiểm soát tài liệu (QT-01/VP). "
        "Bảng liệt kê tên tài liệu, mã số, lần ban hành, ngày hiệu lực và nơi lưu.",
    },
    {
        "key": "bm02-qt01-vp",
        "title": "Phiếu đề nghị ban hành, sửa đổi tài liệu",
        "code": "BM-02/QT-01/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Biểu mẫu BM-02/QT-01/VP kèm theo Quy trình kiểm soát tài liệu (QT-01/VP). "
        "Người đề nghị ghi tên tài liệu, nội dung đề nghị sửa đổi và lý do; lãnh đạo "
        "đơn vị ký xác nhận.",
    },
    {
        "key": "bm03-qt01-vp",
        "title": "Danh mục tài liệu có nguồn gốc bên ngoài",
        "code": "BM-03/QT-01/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Biểu mẫu BM-03/QT-01/VP kèm theo Quy trình kiểm soát tài liệu (QT-01/VP). "
        "Liệt kê luật, nghị định, thông tư, tiêu chuẩn đơn vị áp dụng, kèm số hiệu "
        "và ngày ban hành.",
    },
    {
        "key": "bm01-qt02-vp",
        "title": "Danh mục hồ sơ",
        "code": "BM-01/QT-02/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Biểu mẫu BM-01/QT-02/VP kèm theo Quy trình kiểm soát hồ sơ (QT-02/VP). Gồm "
        "các cột: tên hồ sơ, đơn vị lưu, thời hạn lưu, hình thức lưu, người chịu "
        "trách nhiệm.",
    },
    {
        "key": "bm02-qt02-vp",
        "title": "Phiếu mượn hồ sơ",
        "code": "BM-02/QT-02/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Biểu mẫu BM-02/QT-02/VP kèm theo Quy trình kiểm soát hồ sơ (QT-02/VP). "
        "Người mượn ghi họ tên, đơn vị, tên hồ sơ cần mượn, mục đích và ngày trả; "
        "người quản lý hồ sơ ký giao.",
    },
    {
        "key": "bm01-qt02-khcn",
        "title": "Danh mục hồ sơ",
        "code": "BM-01/QT-02/KHCN",
        "unit": "KHCN",
        "year": 2022,
        "text": "Biểu mẫu BM-01/QT-02/KHCN kèm theo Quy trình kiểm soát hồ sơ (QT-02/KHCN). "
        "Danh mục hồ sơ thẩm định của Vụ, gồm số hồ sơ, tên nhiệm vụ, thời hạn lưu.",
    },
    {
        "key": "bm01-qt03-vp",
        "title": "Kế hoạch đánh giá",
        "code": "BM-01/QT-03/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Biểu mẫu BM-01/QT-03/VP kèm theo Quy trình đánh giá nội bộ (QT-03/VP). Biểu "
        "mẫu lập kế hoạch cho một cuộc đánh giá: phạm vi, chuẩn mực, đoàn chuyên "
        "gia, lịch làm việc với từng đơn vị.",
    },
    {
        "key": "bm02-qt03-vp",
        "title": "Phiếu ghi chép đánh giá",
        "code": "BM-02/QT-03/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Biểu mẫu BM-02/QT-03/VP kèm theo Quy trình đánh giá nội bộ (QT-03/VP). "
        "Chuyên gia ghi điều khoản tiêu chuẩn, bằng chứng quan sát được và nhận xét "
        "phù hợp hoặc không phù hợp.",
    },
    {
        "key": "bm03-qt03-vp",
        "title": "Báo cáo đánh giá",
        "code": "BM-03/QT-03/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Biểu mẫu BM-03/QT-03/VP kèm theo Quy trình đánh giá nội bộ (QT-03/VP). Mẫu "
        "báo cáo của trưởng đoàn: tóm tắt kết quả, các điểm không phù hợp, khuyến "
        "nghị cải tiến.",
    },
    {
        "key": "bm01-qt04-vp",
        "title": "Phiếu yêu cầu hành động khắc phục",
        "code": "BM-01/QT-04/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Biểu mẫu BM-01/QT-04/VP kèm theo Quy trình kiểm soát sự không phù hợp và "
        "hành động khắc phục (QT-04/VP). Mô tả sự không phù hợp, nguyên nhân, hành "
        "động khắc phục đề xuất, thời hạn và kết quả kiểm tra xác nhận.",
    },
    {
        "key": "bm02-qt04-vp",
        "title": "Sổ theo dõi sự không phù hợp",
        "code": "BM-02/QT-04/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Biểu mẫu BM-02/QT-04/VP kèm theo Quy trình kiểm soát sự không phù hợp và "
        "hành động khắc phục (QT-04/VP). Ghi ngày phát hiện, nguồn phát hiện, đơn vị "
        "liên quan và tình trạng xử lý từng trường hợp.",
    },
    {
        "key": "bm01-qt05-vp",
        "title": "Báo cáo xem xét của lãnh đạo",
        "code": "BM-01/QT-05/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Biểu mẫu BM-01/QT-05/VP kèm theo Quy trình xem xét của lãnh đạo (QT-05/VP). "
        "Mẫu báo cáo đầu vào cho cuộc họp: kết quả đánh giá, phản hồi, mục tiêu chất "
        "lượng, nguồn lực, cơ hội cải tiến.",
    },
    {
        "key": "bm01-qt06-vp",
        "title": "Sổ đăng ký văn bản đến",
        "code": "BM-01/QT-06/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Biểu mẫu BM-01/QT-06/VP kèm theo Quy trình quản lý văn bản đến (QT-06/VP). "
        "Các cột: số đến, ngày đến, tác giả, số ký hiệu, trích yếu, đơn vị nhận, ký "
        "nhận.",
    },
    {
        "key": "bm02-qt06-vp",
        "title": "Phiếu giải quyết văn bản đến",
        "code": "BM-02/QT-06/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Biểu mẫu BM-02/QT-06/VP kèm theo Quy trình quản lý văn bản đến (QT-06/VP). "
        "Ý kiến của lãnh đạo về việc phân phối, thời hạn giải quyết và đơn vị chủ "
        "trì.",
    },
    {
        "key": "bm01-qt07-vp",
        "title": "Sổ đăng ký văn bản đi",
        "code": "BM-01/QT-07/VP",
        "unit": "VP",
        "year": 2021,
        "text": "Biểu mẫu BM-01/QT-07/VP kèm theo Quy trình quản lý văn bản đi (QT-07/VP). "
        "Các cột: số ký hiệu, ngày tháng, trích yếu, người ký, nơi nhận, đơn vị lưu "
        "bản gốc.",
    },
    {
        "key": "bm01-qt08-ttra",
        "title": "Sổ tiếp công dân",
        "code": "BM-01/QT-08/TTRA",
        "unit": "TTRA",
        "year": 2022,
        "text": "Biểu mẫu BM-01/QT-08/TTRA kèm theo Quy trình tiếp nhận và giải quyết khiếu "
        "nại, tố cáo (QT-08/TTRA). Ghi ngày tiếp, họ tên, địa chỉ người đến, nội "
        "dung trình bày và hướng xử lý.",
    },
    {
        "key": "bm02-qt08-ttra",
        "title": "Phiếu đề xuất thụ lý đơn",
        "code": "BM-02/QT-08/TTRA",
        "unit": "TTRA",
        "year": 2022,
        "text": "Biểu mẫu BM-02/QT-08/TTRA kèm theo Quy trình tiếp nhận và giải quyết khiếu "
        "nại, tố cáo (QT-08/TTRA). Tóm tắt nội dung đơn, căn cứ thẩm quyền và đề "
        "xuất thụ lý giải quyết.",
    },
    {
        "key": "bm01-qt09-tccb",
        "title": "Phiếu đăng ký dự tuyển",
        "code": "BM-01/QT-09/TCCB",
        "unit": "TCCB",
        "year": 2022,
        "text": "Biểu mẫu BM-01/QT-09/TCCB kèm theo Quy trình tuyển dụng công chức "
        "(QT-09/TCCB). Thí sinh khai thông tin cá nhân, trình độ đào tạo (cử nhân, "
        "thạc sỹ, tiến sĩ), vị trí dự tuyển và cam kết.",
    },
    {
        "key": "bm02-qt09-tccb",
        "title": "Biên bản chấm thi tuyển công chức",
        "code": "BM-02/QT-09/TCCB",
        "unit": "TCCB",
        "year": 2022,
        "text": "Biểu mẫu BM-02/QT-09/TCCB kèm theo Quy trình tuyển dụng công chức "
        "(QT-09/TCCB). Hội đồng ghi số báo danh, điểm của từng giám khảo và điểm "
        "thống nhất của bài thi.",
    },
    {
        "key": "bm01-qt10-tccb",
        "title": "Phiếu đăng ký đào tạo, bồi dưỡng",
        "code": "BM-01/QT-10/TCCB",
        "unit": "TCCB",
        "year": 2022,
        "text": "Biểu mẫu BM-01/QT-10/TCCB kèm theo Quy trình đào tạo, bồi dưỡng công chức "
        "(QT-10/TCCB). Công chức đăng ký khóa học, nội dung, thời gian và ý kiến của "
        "thủ trưởng đơn vị.",
    },
    {
        "key": "bm01-qt11-khtc",
        "title": "Biên bản kiểm kê tài sản",
        "code": "BM-01/QT-11/KHTC",
        "unit": "KHTC",
        "year": 2022,
        "text": "Biểu mẫu BM-01/QT-11/KHTC kèm theo Quy trình quản lý, sử dụng tài sản công "
        "(QT-11/KHTC). Ghi tên tài sản, số lượng theo sổ sách, số lượng thực tế, "
        "chênh lệch và nguyên nhân.",
    },
    {
        "key": "bm02-qt11-khtc",
        "title": "Biên bản bàn giao tài sản",
        "code": "BM-02/QT-11/KHTC",
        "unit": "KHTC",
        "year": 2022,
        "text": "Biểu mẫu BM-02/QT-11/KHTC kèm theo Quy trình quản lý, sử dụng tài sản công "
        "(QT-11/KHTC). Bên giao và bên nhận ghi danh sách tài sản, tình trạng khi "
        "bàn giao và ký xác nhận.",
    },
    {
        "key": "bm01-qt12-khcn",
        "title": "Phiếu thẩm định nhiệm vụ khoa học và công nghệ",
        "code": "BM-01/QT-12/KHCN",
        "unit": "KHCN",
        "year": 2023,
        "text": "Biểu mẫu BM-01/QT-12/KHCN kèm theo Quy trình thẩm định nhiệm vụ khoa học và "
        "công nghệ cấp quốc gia (QT-12/KHCN). Thành viên tổ thẩm định nhận xét mục "
        "tiêu, nội dung, sản phẩm và dự toán kinh phí của nhiệm vụ.",
    },
    {
        "key": "bm01-qt14-htqt",
        "title": "Tờ trình cử đoàn ra",
        "code": "BM-01/QT-14/HTQT",
        "unit": "HTQT",
        "year": 2022,
        "text": "Biểu mẫu BM-01/QT-14/HTQT kèm theo Quy trình quản lý đoàn ra, đoàn vào "
        "(QT-14/HTQT). Nêu mục đích chuyến đi, thành phần đoàn, thời gian, nước đến "
        "và nguồn kinh phí.",
    },
    {
        "key": "bm01-qt15-cntt",
        "title": "Nhật ký sao lưu dữ liệu",
        "code": "BM-01/QT-15/CNTT",
        "unit": "CNTT",
        "year": 2023,
        "text": "Biểu mẫu BM-01/QT-15/CNTT kèm theo Quy trình sao lưu dữ liệu và bảo đảm an "
        "toàn thông tin (QT-15/CNTT). Ghi ngày giờ sao lưu, hệ thống, dung lượng, "
        "nơi lưu bản sao và kết quả kiểm tra phục hồi.",
    },
    {
        "key": "bm02-qt15-cntt",
        "title": "Phiếu báo cáo sự cố an toàn thông tin",
        "code": "BM-02/QT-15/CNTT",
        "unit": "CNTT",
        "year": 2023,
        "text": "Biểu mẫu BM-02/QT-15/CNTT kèm theo Quy trình sao lưu dữ liệu và bảo đảm an "
        "toàn thông tin (QT-15/CNTT). Mô tả sự cố, thời điểm phát hiện, hệ thống bị "
        "ảnh hưởng và biện pháp đã xử lý.",
    },
    {
        "key": "bm01-qt16-khtc",
        "title": "Giấy đề nghị thanh toán",
        "code": "BM-01/QT-16/KHTC",
        "unit": "KHTC",
        "year": 2023,
        "text": "Biểu mẫu BM-01/QT-16/KHTC kèm theo Quy trình thanh toán, quyết toán kinh "
        "phí (QT-16/KHTC). Người đề nghị ghi nội dung chi, số tiền, chứng từ kèm "
        "theo; kế toán và chủ tài khoản ký duyệt.",
    },
    {
        "key": "bm02-qt16-khtc",
        "title": "Giấy đề nghị tạm ứng",
        "code": "BM-02/QT-16/KHTC",
        "unit": "KHTC",
        "year": 2023,
        "text": "Biểu mẫu BM-02/QT-16/KHTC kèm theo Quy trình thanh toán, quyết toán kinh "
        "phí (QT-16/KHTC). Người đề nghị ghi lý do tạm ứng, số tiền và thời hạn "
        "thanh toán tạm ứng.",
    },
    {
        "key": "bm01-qt17-vp",
        "title": "Phiếu yêu cầu khai thác tài liệu lưu trữ",
        "code": "BM-01/QT-17/VP",
        "unit": "VP",
        "year": 2022,
        "text": "Biểu mẫu BM-01/QT-17/VP kèm theo Quy trình quản lý kho lưu trữ cơ quan "
        "(QT-17/VP). Người khai thác ghi mục đích, tài liệu cần khai thác và hình "
        "thức: đọc tại chỗ hoặc sao chụp.",
    },
    {
        "key": "bm01-qt18-tccb",
        "title": "Bản đăng ký thi đua",
        "code": "BM-01/QT-18/TCCB",
        "unit": "TCCB",
        "year": 2023,
        "text": "Biểu mẫu BM-01/QT-18/TCCB kèm theo Quy trình thi đua, khen thưởng "
        "(QT-18/TCCB). Tập thể, cá nhân đăng ký danh hiệu thi đua và các chỉ tiêu "
        "phấn đấu trong năm.",
    },
    {
        "key": "bm01-qt19-vp",
        "title": "Giấy mời họp",
        "code": "BM-01/QT-19/VP",
        "unit": "VP",
        "year": 2023,
        "text": "Biểu mẫu BM-01/QT-19/VP kèm theo Quy trình tổ chức hội nghị, hội thảo "
        "(QT-19/VP). Mẫu giấy mời gồm nội dung cuộc họp, thành phần, thời gian, địa "
        "điểm và người chủ trì.",
    },
    {
        "key": "tt15-2023",
        "title": "Thông tư 15/2023/TT-BKHCN quy định quản lý nhiệm vụ khoa học và công nghệ "
        "cấp quốc gia",
        "code": "15/2023/TT-BKHCN",
        "unit": None,
        "year": 2023,
        "text": "Thông tư này quy định việc xác định, tuyển chọn, giao trực tiếp, ký hợp "
        "đồng, kiểm tra, đánh giá, nghiệm thu và công nhận kết quả nhiệm vụ khoa học "
        "và công nghệ cấp quốc gia sử dụng ngân sách nhà nước. Thông tư có hiệu lực "
        "từ ngày 01 tháng 01 năm 2024.",
    },
    {
        "key": "tt15-2022",
        "title": "Thông tư 15/2022/TT-BKHCN quy định về đánh giá, nghiệm thu kết quả thực "
        "hiện nhiệm vụ cấp bộ",
        "code": "15/2022/TT-BKHCN",
        "unit": None,
        "year": 2022,
        "text": "Quy định trình tự, thủ tục đánh giá, nghiệm thu kết quả thực hiện nhiệm vụ "
        "khoa học và công nghệ cấp bộ, thành phần hội đồng nghiệm thu và phương thức "
        "đánh giá.",
    },
    {
        "key": "tt02-2023",
        "title": "Thông tư 02/2023/TT-BKHCN hướng dẫn quản lý tài sản hình thành từ nhiệm vụ "
        "khoa học",
        "code": "02/2023/TT-BKHCN",
        "unit": None,
        "year": 2023,
        "text": "Hướng dẫn việc giao quyền sở hữu, quyền sử dụng tài sản được hình thành "
        "thông qua việc triển khai thực hiện nhiệm vụ khoa học và công nghệ sử dụng "
        "vốn nhà nước.",
    },
    {
        "key": "tt26-2014",
        "title": "Thông tư 26/2014/TT-BKHCN quy định chi tiết thi hành Quyết định "
        "19/2014/QĐ-TTg về áp dụng hệ thống quản lý chất lượng",
        "code": "26/2014/TT-BKHCN",
        "unit": None,
        "year": 2014,
        "text": "Quy định việc xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất "
        "lượng theo tiêu chuẩn quốc gia TCVN ISO 9001 tại cơ quan hành chính nhà "
        "nước; việc công bố hệ thống phù hợp tiêu chuẩn và kiểm tra.",
    },
    {
        "key": "ttlt01-2015",
        "title": "Thông tư liên tịch 01/2015/TTLT-BKHCN-BNV hướng dẫn chức năng, nhiệm vụ "
        "của Sở Khoa học và Công nghệ",
        "code": "01/2015/TTLT-BKHCN-BNV",
        "unit": None,
        "year": 2015,
        "text": "Hướng dẫn chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Khoa học "
        "và Công nghệ thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và "
        "Phòng Kinh tế cấp huyện.",
    },
    {
        "key": "nd30-2020",
        "title": "Nghị định 30/2020/NĐ-CP về công tác văn thư",
        "code": "30/2020/NĐ-CP",
        "unit": None,
        "year": 2020,
        "text": "Nghị định quy định về công tác văn thư và quản lý nhà nước về công tác văn "
        "thư: thể thức, kỹ thuật trình bày văn bản hành chính, soạn thảo, ký ban "
        "hành, quản lý văn bản đi, văn bản đến, lập hồ sơ và nộp lưu hồ sơ vào lưu "
        "trữ cơ quan, quản lý và sử dụng con dấu.",
    },
    {
        "key": "qd19-2014-ttg",
        "title": "Quyết định 19/2014/QĐ-TTg về việc áp dụng hệ thống quản lý chất lượng vào "
        "hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước",
        "code": "19/2014/QĐ-TTg",
        "unit": None,
        "year": 2014,
        "text": "Thủ tướng Chính phủ quyết định các cơ quan hành chính nhà nước xây dựng và "
        "áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001 đối với "
        "hoạt động liên quan đến giải quyết thủ tục hành chính.",
    },
    {
        "key": "qd12-2024-bkhcn",
        "title": "Quyết định 12/2024/QĐ-BKHCN ban hành Quy chế làm việc của Bộ Khoa học và "
        "Công nghệ",
        "code": "12/2024/QĐ-BKHCN",
        "unit": "VP",
        "year": 2024,
        "text": "Quy chế làm việc quy định nguyên tắc, chế độ trách nhiệm, lề lối làm việc, "
        "quan hệ công tác và trình tự giải quyết công việc của Lãnh đạo Bộ, các đơn "
        "vị thuộc Bộ.",
    },
    {
        "key": "qd12-2024-ttg",
        "title": "Quyết định 12/2024/QĐ-TTg ban hành danh mục nhiệm vụ khoa học và công nghệ "
        "ưu tiên giai đoạn 2024-2025",
        "code": "12/2024/QĐ-TTg",
        "unit": None,
        "year": 2024,
        "text": "Thủ tướng Chính phủ ban hành danh mục các nhiệm vụ khoa học và công nghệ ưu "
        "tiên, giao Bộ Khoa học và Công nghệ hướng dẫn tuyển chọn và tổ chức thực "
        "hiện.",
    },
    {
        "key": "qd01-2024",
        "title": "Quyết định 01/2024/QĐ-BKHCN thành lập Ban chỉ đạo xây dựng, áp dụng hệ "
        "thống quản lý chất lượng",
        "code": "01/2024/QĐ-BKHCN",
        "unit": "VP",
        "year": 2024,
        "text": "Thành lập Ban chỉ đạo ISO do Thứ trưởng làm Trưởng ban, Chánh Văn phòng làm "
        "Phó Trưởng ban thường trực, thủ trưởng các đơn vị làm thành viên. Ban chỉ "
        "đạo có nhiệm vụ chỉ đạo việc xây dựng, áp dụng, duy trì và cải tiến hệ "
        "thống theo TCVN ISO 9001:2015.",
    },
    {
        "key": "qd245-2024",
        "title": "Quyết định 245/QĐ-BKHCN phê duyệt Kế hoạch đào tạo, bồi dưỡng công chức "
        "năm 2024",
        "code": "245/QĐ-BKHCN",
        "unit": "TCCB",
        "year": 2024,
        "text": "Phê duyệt kèm theo Quyết định này Kế hoạch đào tạo, bồi dưỡng công chức năm "
        "2024 của Bộ. Giao Vụ Tổ chức cán bộ chủ trì tổ chức thực hiện.",
    },
    {
        "key": "qd1520-2022",
        "title": "Quyết định 1520/QĐ-BKHCN công bố hệ thống quản lý chất lượng phù hợp tiêu "
        "chuẩn TCVN ISO 9001:2015",
        "code": "1520/QĐ-BKHCN",
        "unit": "VP",
        "year": 2022,
        "text": "Công bố hệ thống quản lý chất lượng của Bộ phù hợp tiêu chuẩn quốc gia TCVN "
        "ISO 9001:2015 đối với các hoạt động giải quyết thủ tục hành chính và quản "
        "lý nội bộ.",
    },
    {
        "key": "ct05-2023",
        "title": "Chỉ thị 05/CT-BKHCN về tăng cường bảo đảm an toàn thông tin mạng",
        "code": "05/CT-BKHCN",
        "unit": "CNTT",
        "year": 2023,
        "text": "Bộ trưởng chỉ thị các đơn vị rà soát, khắc phục lỗ hổng, thực hiện sao lưu "
        "dữ liệu định kỳ, nâng cao nhận thức của công chức về an toàn thông tin "
        "mạng.",
    },
    {
        "key": "tb56-2024",
        "title": "Thông báo 56/TB-BKHCN kết luận của Thứ trưởng tại cuộc họp Ban chỉ đạo ISO",
        "code": "56/TB-BKHCN",
        "unit": "VP",
        "year": 2024,
        "text": "Thông báo kết luận: các đơn vị hoàn thành rà soát quy trình trước ngày 30 "
        "tháng 6, khắc phục các điểm không phù hợp của đợt đánh giá nội bộ, cập nhật "
        "mục tiêu chất lượng.",
    },
    {
        "key": "kh05-2024",
        "title": "Kế hoạch 05/KH-BKHCN duy trì, cải tiến hệ thống quản lý chất lượng năm "
        "2024",
        "code": "05/KH-BKHCN",
        "unit": "VP",
        "year": 2024,
        "text": "Kế hoạch gồm rà soát, cập nhật tài liệu, đào tạo nhận thức về tiêu chuẩn, "
        "đánh giá nội bộ, xem xét của lãnh đạo và công bố lại hệ thống quản lý chất "
        "lượng phù hợp tiêu chuẩn.",
    },
    {
        "key": "cv1234-2024",
        "title": "Công văn 1234/BKHCN-VP về việc đôn đốc báo cáo tình hình áp dụng ISO 9001",
        "code": "1234/BKHCN-VP",
        "unit": "VP",
        "year": 2024,
        "text": "Văn phòng Bộ đề nghị các đơn vị gửi báo cáo tình hình áp dụng hệ thống quản "
        "lý chất lượng năm 2024 trước ngày 15 tháng 11 theo Thông tư "
        "26/2014/TT-BKHCN.",
    },
    {
        "key": "luat-khcn",
        "title": "Luật Khoa học và Công nghệ 29/2013/QH13",
        "code": "29/2013/QH13",
        "unit": None,
        "year": 2013,
        "text": "Luật quy định về tổ chức khoa học và công nghệ, cá nhân hoạt động khoa học "
        "và công nghệ, việc tổ chức thực hiện nhiệm vụ khoa học và công nghệ, đầu "
        "tư, tài chính cho khoa học và công nghệ.",
    },
    {
        "key": "sotay-cl",
        "title": "Sổ tay chất lượng",
        "code": "ST-01/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Sổ tay chất lượng mô tả phạm vi hệ thống quản lý chất lượng của Bộ, chính "
        "sách chất lượng, sơ đồ tổ chức, danh mục các quy trình và mối tương tác "
        "giữa các quá trình theo TCVN ISO 9001:2015.",
    },
    {
        "key": "chinhsach-cl",
        "title": "Chính sách chất lượng",
        "code": "CS-01/VP",
        "unit": "VP",
        "year": 2022,
        "text": "Bộ Khoa học và Công nghệ cam kết xây dựng nền hành chính chuyên nghiệp, "
        "minh bạch, phục vụ người dân và doanh nghiệp; áp dụng và cải tiến thường "
        "xuyên hệ thống quản lý chất lượng.",
    },
    {
        "key": "muctieu-2024",
        "title": "Mục tiêu chất lượng năm 2024",
        "code": "MT-2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Mục tiêu: 100% hồ sơ thủ tục hành chính giải quyết đúng hạn; 95% văn bản "
        "đến được xử lý trên môi trường mạng; không có khiếu nại đúng về chất lượng "
        "phục vụ. Mục tiêu thực hiện Chính sách chất lượng.",
    },
    {
        "key": "muctieu-2025",
        "title": "Mục tiêu chất lượng năm 2025",
        "code": "MT-2025/VP",
        "unit": "VP",
        "year": 2025,
        "text": "Mục tiêu: 100% hồ sơ giải quyết đúng hạn; 100% văn bản đến xử lý trên môi "
        "trường mạng; mức độ hài lòng của tổ chức, cá nhân đạt trên 90%. Căn cứ "
        "Chính sách chất lượng và kết quả năm 2024.",
    },
    {
        "key": "kh-dgnb-2024",
        "title": "Kế hoạch đánh giá nội bộ năm 2024",
        "code": "KH-03/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Đánh giá nội bộ toàn bộ hệ thống quản lý chất lượng trong tháng 9 năm 2024 "
        "theo Quy trình đánh giá nội bộ QT-03/VP. Đoàn đánh giá gồm mười chuyên gia "
        "đã được đào tạo.",
    },
    {
        "key": "kh-dgnb-2025",
        "title": "Kế hoạch đánh giá nội bộ năm 2025",
        "code": "KH-03/2025/VP",
        "unit": "VP",
        "year": 2025,
        "text": "Đánh giá nội bộ trong tháng 8 năm 2025, tập trung vào các quy trình có điểm "
        "không phù hợp năm trước, theo Quy trình đánh giá nội bộ QT-03/VP.",
    },
    {
        "key": "kh-daotao-2024",
        "title": "Kế hoạch đào tạo, bồi dưỡng công chức năm 2024",
        "code": "KH-10/2024/TCCB",
        "unit": "TCCB",
        "year": 2024,
        "text": "Kế hoạch gồm các lớp bồi dưỡng lý luận chính trị, quản lý nhà nước, ngoại "
        "ngữ, tin học và nghiệp vụ chuyên môn cho công chức các đơn vị, dự kiến 450 "
        "lượt người.",
    },
    {
        "key": "kh-cntt-2024",
        "title": "Kế hoạch ứng dụng công nghệ thông tin năm 2024",
        "code": "KH-01/2024/CNTT",
        "unit": "CNTT",
        "year": 2024,
        "text": "Nâng cấp hệ thống quản lý văn bản và điều hành, cổng dịch vụ công, triển "
        "khai chữ ký số cho toàn bộ lãnh đạo đơn vị.",
    },
    {
        "key": "kh-muasam-2024",
        "title": "Kế hoạch mua sắm tài sản năm 2024",
        "code": "KH-11/2024/KHTC",
        "unit": "KHTC",
        "year": 2024,
        "text": "Danh mục mua sắm máy tính, máy in, thiết bị phòng họp trực tuyến cho các "
        "đơn vị theo Quy trình quản lý, sử dụng tài sản công QT-11/KHTC.",
    },
    {
        "key": "kh-pclb-2024",
        "title": "Kế hoạch phòng chống thiên tai mùa mưa bão năm 2024",
        "code": "KH-02/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Kiểm tra kho tài liệu, trụ sở trước mùa mưa bão; chuẩn bị vật tư, sắm bổ "
        "sung thiết bị chống ngập, phân công trực ban.",
    },
    {
        "key": "kh-tinhoc",
        "title": "Kế hoạch bồi dưỡng kĩ năng tin học văn phòng cho công chức",
        "code": "KH-12/2024/TCCB",
        "unit": "TCCB",
        "year": 2024,
        "text": "Tổ chức ba lớp bồi dưỡng kĩ năng tin học văn phòng: soạn thảo văn bản, bảng "
        "tính, khai thác hệ thống quản lý văn bản điện tử.",
    },
    {
        "key": "kh-thidua-2024",
        "title": "Kế hoạch phát động phong trào thi đua năm 2024",
        "code": "KH-18/2024/TCCB",
        "unit": "TCCB",
        "year": 2024,
        "text": "Phát động phong trào thi đua hoàn thành xuất sắc nhiệm vụ năm 2024, gắn với "
        "cải cách hành chính và áp dụng hệ thống quản lý chất lượng.",
    },
    {
        "key": "kh-attt-2024",
        "title": "Kế hoạch bảo đảm an toàn thông tin mạng năm 2024",
        "code": "KH-15/2024/CNTT",
        "unit": "CNTT",
        "year": 2024,
        "text": "Triển khai Chỉ thị 05/CT-BKHCN: đánh giá an toàn thông tin các hệ thống, "
        "diễn tập ứng cứu sự cố, tập huấn cho công chức.",
    },
    {
        "key": "kh-kiemtra-vt",
        "title": "Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2024",
        "code": "KH-07/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Kiểm tra việc thực hiện Nghị định 30/2020/NĐ-CP tại các đơn vị: lập hồ sơ, "
        "quản lý văn bản đi, văn bản đến, nộp lưu hồ sơ.",
    },
    {
        "key": "ctr-congtac-2024",
        "title": "Chương trình công tác năm 2024 của Ban chỉ đạo ISO",
        "code": "CTr-01/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Chương trình công tác gồm các cuộc họp định kỳ hằng quý, đợt đánh giá nội "
        "bộ, cuộc họp xem xét của lãnh đạo và hội nghị tổng kết.",
    },
    {
        "key": "bc-dgnb-2024",
        "title": "Báo cáo kết quả đánh giá nội bộ năm 2024",
        "code": "BC-03/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Đợt đánh giá nội bộ năm 2024 phát hiện 12 điểm không phù hợp và 20 khuyến "
        "nghị; các đơn vị đã lập Phiếu yêu cầu hành động khắc phục theo QT-04/VP.",
    },
    {
        "key": "bc-xxld-2024",
        "title": "Báo cáo xem xét của lãnh đạo năm 2024",
        "code": "BC-05/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Báo cáo đầu vào cho cuộc họp xem xét của lãnh đạo năm 2024 theo Quy trình "
        "xem xét của lãnh đạo QT-05/VP: kết quả đánh giá nội bộ, mức độ thực hiện "
        "mục tiêu chất lượng, phản hồi của tổ chức, cá nhân.",
    },
    {
        "key": "bc-iso-2023",
        "title": "Báo cáo tình hình áp dụng ISO 9001 năm 2023",
        "code": "BC-01/2023/VP",
        "unit": "VP",
        "year": 2023,
        "text": "Tỉ lệ hồ sơ trễ hạn giảm còn 2%; các đơn vị cập nhật tài liệu theo TCVN ISO "
        "9001:2015; còn khó khăn về nhân lực làm công tác ISO.",
    },
    {
        "key": "bc-iso-2024",
        "title": "Báo cáo tình hình áp dụng ISO 9001 năm 2024",
        "code": "BC-01/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99%; toàn bộ quy trình được rà soát; "
        "thực hiện Công văn 1234/BKHCN-VP của Văn phòng Bộ.",
    },
    {
        "key": "bc-khieunai-2024",
        "title": "Báo cáo công tác giải quyết khiếu nại, tố cáo 6 tháng đầu năm 2024",
        "code": "BC-02/2024/TTRA",
        "unit": "TTRA",
        "year": 2024,
        "text": "Tiếp 35 lượt công dân, nhận 48 đơn, trong đó 12 đơn khiếu nại, 5 đơn tố cáo "
        "thuộc thẩm quyền; đã giải quyết 15 đơn theo Quy trình tiếp nhận và giải "
        "quyết khiếu nại, tố cáo.",
    },
    {
        "key": "bc-taisan-2024",
        "title": "Báo cáo kiểm kê tài sản cuối năm 2024",
        "code": "BC-11/2024/KHTC",
        "unit": "KHTC",
        "year": 2024,
        "text": "Tổng hợp kết quả kiểm kê tài sản tại các đơn vị: 1.250 tài sản, chênh lệch "
        "3 tài sản do điều chuyển chưa cập nhật sổ.",
    },
    {
        "key": "bc-thuchi-q3",
        "title": "Báo cáo thu chi ngân sách quý III năm 2024",
        "code": "BC-09/2024/KHTC",
        "unit": "KHTC",
        "year": 2024,
        "text": "Tình hình thu chi ngân sách quý III: tổng thu phí, lệ phí, tổng chi thường "
        "xuyên và chi nhiệm vụ khoa học, so sánh với dự toán được giao.",
    },
    {
        "key": "bc-q4-2023",
        "title": "Báo cáo kết quả thực hiện nhiệm vụ quí IV năm 2023",
        "code": "BC-12/2023/VP",
        "unit": "VP",
        "year": 2023,
        "text": "Kết quả thực hiện các nhiệm vụ trọng tâm quí IV năm 2023 của Văn phòng Bộ "
        "và phương hướng năm 2024.",
    },
    {
        "key": "bc-khokhan-lt",
        "title": "Báo cáo khó khăn, vướng mắc trong công tác lưu trữ",
        "code": "BC-08/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Các đơn vị còn khó khăn về diện tích, nhân lực lưu trữ; nhiều hồ sơ chưa "
        "được chỉnh lý; đề xuất bổ sung kinh phí số hóa tài liệu.",
    },
    {
        "key": "bc-attt-2024",
        "title": "Báo cáo sự cố an toàn thông tin tháng 9 năm 2024",
        "code": "BC-09/2024/CNTT",
        "unit": "CNTT",
        "year": 2024,
        "text": "Ghi nhận hai sự cố mã độc trên máy trạm, đã cô lập và khôi phục từ bản sao "
        "lưu; không có dữ liệu bị mất.",
    },
    {
        "key": "bc-vanthu-2024",
        "title": "Báo cáo kết quả kiểm tra công tác văn thư năm 2024",
        "code": "BC-07/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Kết quả kiểm tra việc thực hiện Quy trình quản lý văn bản đến QT-06/VP và "
        "Quy trình quản lý văn bản đi QT-07/VP tại 12 đơn vị; một số đơn vị chưa lập "
        "hồ sơ công việc.",
    },
    {
        "key": "bc-doan-hk",
        "title": "Báo cáo kết quả chuyến công tác của đoàn tại Hoa Kỳ",
        "code": "BC-04/2024/HTQT",
        "unit": "HTQT",
        "year": 2024,
        "text": "Đoàn làm việc với các viện nghiên cứu về tiêu chuẩn, đo lường tại Hoa Kỳ, "
        "đề xuất hợp tác đào tạo chuyên gia.",
    },
    {
        "key": "bc-tainan-2024",
        "title": "Báo cáo tình hình tai nạn lao động năm 2024",
        "code": "BC-13/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Trong năm không xảy ra tai nạn lao động tại trụ sở Bộ; đã tổ chức huấn "
        "luyện an toàn, vệ sinh lao động cho người lao động.",
    },
    {
        "key": "bb-bcd-1",
        "title": "Biên bản họp Ban chỉ đạo ISO lần thứ nhất năm 2024",
        "code": "BB-01/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Cuộc họp triển khai Quyết định 01/2024/QĐ-BKHCN; Trưởng ban chỉ đạo phân "
        "công nhiệm vụ các thành viên và thống nhất Kế hoạch 05/KH-BKHCN.",
    },
    {
        "key": "bb-bcd-2",
        "title": "Biên bản họp Ban chỉ đạo ISO lần thứ hai năm 2024",
        "code": "BB-02/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Ban chỉ đạo nghe báo cáo kết quả đánh giá nội bộ, kết luận tại Thông báo "
        "56/TB-BKHCN.",
    },
    {
        "key": "bb-bangiao-cd",
        "title": "Biên bản bàn giao hồ sơ chỉ đạo, điều hành khi thay đổi nhân sự",
        "code": "BB-05/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Bàn giao bản gốc các văn bản chỉ đạo, điều hành, hồ sơ đang giải quyết và "
        "con dấu giữa người nghỉ hưu và người được giao nhiệm vụ mới.",
    },
    {
        "key": "bb-khaimac-dgnb",
        "title": "Biên bản họp khai mạc đánh giá nội bộ tại Văn phòng",
        "code": "BB-06/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Trưởng đoàn đánh giá giới thiệu thành viên đoàn, phạm vi, lịch đánh giá tại "
        "Văn phòng; đại diện đơn vị cử người phối hợp.",
    },
    {
        "key": "bb-xxld-2024",
        "title": "Biên bản cuộc họp xem xét của lãnh đạo năm 2024",
        "code": "BB-09/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Thứ trưởng chủ trì; thống nhất các quyết định về cải tiến, bổ sung nguồn "
        "lực và điều chỉnh mục tiêu chất lượng năm 2025.",
    },
    {
        "key": "bb-hdtt-2024",
        "title": "Biên bản họp Hội đồng thi tuyển công chức năm 2024",
        "code": "BB-03/2024/TCCB",
        "unit": "TCCB",
        "year": 2024,
        "text": "Hội đồng thống nhất nội quy, lịch thi, thành lập ban đề thi, ban coi thi và "
        "ban chấm thi của kỳ thi tuyển công chức năm 2024.",
    },
    {
        "key": "bb-thamdinh",
        "title": "Biên bản họp tổ thẩm định nhiệm vụ khoa học và công nghệ",
        "code": "BB-04/2024/KHCN",
        "unit": "KHCN",
        "year": 2024,
        "text": "Tổ thẩm định xem xét hồ sơ, thống nhất điều chỉnh nội dung và giảm kinh phí "
        "dự toán 10% theo Thông tư 15/2023/TT-BKHCN.",
    },
    {
        "key": "quyche-thituyen",
        "title": "Quy chế thi tuyển công chức",
        "code": "QC-02/TCCB",
        "unit": "TCCB",
        "year": 2023,
        "text": "Quy chế quy định nhiệm vụ của hội đồng thi tuyển, ban đề thi, ban coi thi, "
        "ban chấm thi, nội quy thi và việc phúc khảo.",
    },
    {
        "key": "tb-xettuyen",
        "title": "Thông báo kết quả xét tuyển viên chức năm 2024",
        "code": "TB-05/2024/TCCB",
        "unit": "TCCB",
        "year": 2024,
        "text": "Thông báo danh sách người trúng tuyển viên chức; người trúng tuyển hoàn "
        "thiện hồ sơ theo quy chế trong thời hạn 30 ngày; thị thực lý lịch tại địa "
        "phương.",
    },
    {
        "key": "cv-gopy-tt",
        "title": "Công văn xin ý kiến góp ý dự thảo Thông tư quy định quản lý nhiệm vụ",
        "code": "CV-45/2024/PC",
        "unit": "PC",
        "year": 2024,
        "text": "Vụ Pháp chế đề nghị các đơn vị cho ý kiến đối với dự thảo Thông tư, gửi về "
        "trước ngày 20; quá thời hạn được coi là thống nhất.",
    },
    {
        "key": "cv-cho-pheduyet",
        "title": "Công văn về việc chờ phê duyệt dự toán",
        "code": "CV-51/2024/KHTC",
        "unit": "KHTC",
        "year": 2024,
        "text": "Các đơn vị tạm dừng triển khai trong thời gian chờ phê duyệt dự toán; ý "
        "kiến của đơn vị gửi kèm dự thảo phương án.",
    },
    {
        "key": "dt-chiphi-cn",
        "title": "Dự toán chi phí thuê tổ chức chứng nhận đánh giá ISO",
        "code": "DT-01/2024/KHTC",
        "unit": "KHTC",
        "year": 2024,
        "text": "Dự toán chi phí đánh giá chứng nhận, đánh giá giám sát của tổ chức chứng "
        "nhận độc lập, tổng cộng 120 triệu đồng.",
    },
    {
        "key": "hd-ngansach-2025",
        "title": "Hướng dẫn xây dựng dự toán ngân sách năm 2025",
        "code": "HD-01/2025/KHTC",
        "unit": "KHTC",
        "year": 2025,
        "text": "Các đơn vị lập dự toán theo thư hướng dẫn của Bộ Tài chính, bám sát chỉ "
        "tiêu, nhiệm vụ được giao; ngân sách chi thường xuyên tiết kiệm 10%.",
    },
    {
        "key": "quyche-khodl",
        "title": "Quy chế quản lí kho dữ liệu dùng chung",
        "code": "QC-03/CNTT",
        "unit": "CNTT",
        "year": 2023,
        "text": "Quy chế quản lí, cập nhật, khai thác kho dữ liệu dùng chung của Bộ; phân "
        "quyền truy cập, sao lưu định kỳ và bảo mật dữ liệu.",
    },
    {
        "key": "quydinh-kiluat",
        "title": "Quy định về kỉ luật lao động và nội quy cơ quan",
        "code": "QĐ-NQ/VP",
        "unit": "VP",
        "year": 2023,
        "text": "Quy định thời giờ làm việc, trang phục, các hành vi vi phạm kỉ luật lao "
        "động và hình thức xử lý.",
    },
    {
        "key": "giaymoi-soket",
        "title": "Giấy mời dự hội nghị sơ kết sáu tháng áp dụng ISO",
        "code": "GM-12/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Trân trọng kính mời đại diện lãnh đạo các đơn vị dự hội nghị sơ kết, thời "
        "gian 8 giờ ngày 15 tháng 7 năm 2024 tại phòng họp tầng 3.",
    },
    {
        "key": "ttq-iso",
        "title": "Thông tin chung về tiêu chuẩn ISO 9001 cho công chức mới",
        "code": "TL-05/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Tài liệu giới thiệu ngắn gọn các yêu cầu của ISO 9001:2015, cách tra cứu "
        "quy trình, biểu mẫu trên mạng nội bộ và trách nhiệm của công chức.",
    },
    {
        "key": "lich-congtac",
        "title": "Lịch công tác tuần của Lãnh đạo Bộ",
        "code": "LCT-32/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Thứ hai: họp giao ban; thứ ba: đoàn công tác ra sân bay đi Đà Nẵng; thứ tư: "
        "làm việc với tỉnh; thứ năm: tiếp đoàn doanh nghiệp vào chào xã giao.",
    },
    {
        "key": "th-gopy-quytrinh",
        "title": "Tổng hợp ý kiến góp ý của các đơn vị đối với dự thảo quy trình",
        "code": "TH-02/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Ý kiến về dữ liệu: đề nghị làm rõ nơi lưu bản sao, ai được phép truy cập. "
        "Về đánh giá: cần thống nhất cách ghi nhận; bộ phận nội chính đề nghị bổ "
        "sung. Về hồ sơ: thời hạn lưu trữ và việc mượn trả. Về tài sản: cần kiểm "
        "tra, ghi rõ kê khai. Về thông tin: bảo đảm an toàn khi gửi qua thư điện "
        "tử.",
    },
    {
        "key": "bc-soket-cchc",
        "title": "Báo cáo sơ kết công tác cải cách hành chính 6 tháng đầu năm 2024",
        "code": "BC-06/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Về văn bản: đã ban hành 35 văn bản; số văn bản điện tử gửi đến các đơn vị "
        "tăng. Về đánh giá: mức độ hài lòng tăng; công tác nội chính, bộ máy tiếp "
        "tục kiện toàn. Lãnh đạo các đơn vị xem kết quả và xét khen thưởng.",
    },
    {
        "key": "bc-hoinghi-tk",
        "title": "Báo cáo tổng kết hội nghị khoa học thường niên",
        "code": "BC-14/2024/KHCN",
        "unit": "KHCN",
        "year": 2024,
        "text": "Hội nghị thu hút 200 đại biểu; tại các phiên thảo luận, nhiều ý kiến về "
        "nhiệm vụ thẩm định công nghệ; ban tổ chức đề nghị xuất bản kỷ yếu.",
    },
    {
        "key": "hd-lapho-so",
        "title": "Hướng dẫn lập hồ sơ công việc theo Quy trình kiểm soát hồ sơ QT-02/VP",
        "code": "HD-02/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Hướng dẫn các đơn vị lập hồ sơ công việc, sắp xếp văn bản trong hồ sơ theo "
        "trình tự giải quyết, nộp lưu theo Quy trình kiểm soát hồ sơ.",
    },
    {
        "key": "hd-trinhbay-vb",
        "title": "Hướng dẫn trình bày văn bản hành chính theo Nghị định 30/2020/NĐ-CP",
        "code": "HD-03/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Hướng dẫn thể thức, kỹ thuật trình bày văn bản hành chính, viết hoa, phông "
        "chữ và cỡ chữ theo Nghị định 30/2020/NĐ-CP về công tác văn thư.",
    },
    {
        "key": "tb-danhgia-2024",
        "title": "Thông báo lịch đánh giá nội bộ năm 2024",
        "code": "TB-09/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Thực hiện Kế hoạch đánh giá nội bộ năm 2024 và Quy trình đánh giá nội bộ "
        "QT-03/VP, Văn phòng thông báo lịch đánh giá tại từng đơn vị.",
    },
    {
        "key": "bc-tuyendung-2024",
        "title": "Báo cáo kết quả tuyển dụng năm 2024",
        "code": "BC-15/2024/TCCB",
        "unit": "TCCB",
        "year": 2024,
        "text": "Thực hiện Quy trình tuyển dụng công chức QT-09/TCCB, năm 2024 tuyển được 18 "
        "công chức qua thi tuyển và 3 viên chức qua xét tuyển.",
    },
    {
        "key": "bc-thamdinh-2024",
        "title": "Báo cáo công tác thẩm định năm 2024",
        "code": "BC-16/2024/KHCN",
        "unit": "KHCN",
        "year": 2024,
        "text": "Đã thẩm định 45 nhiệm vụ theo Quy trình thẩm định nhiệm vụ khoa học và công "
        "nghệ cấp quốc gia QT-12/KHCN và Thông tư 15/2023/TT-BKHCN quy định quản lý "
        "nhiệm vụ khoa học và công nghệ cấp quốc gia.",
    },
    {
        "key": "tl-quychelamviec",
        "title": "Tài liệu phổ biến Quy chế làm việc của Bộ",
        "code": "TL-07/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Tài liệu tóm tắt những điểm mới của Quy chế làm việc của Bộ Khoa học và "
        "Công nghệ ban hành kèm theo Quyết định 12/2024/QĐ-BKHCN, dùng cho hội nghị "
        "phổ biến.",
    },
    {
        "key": "bc-apdung-19",
        "title": "Báo cáo 10 năm thực hiện Quyết định 19/2014/QĐ-TTg",
        "code": "BC-10/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Đánh giá 10 năm áp dụng hệ thống quản lý chất lượng vào hoạt động của các "
        "cơ quan, tổ chức thuộc hệ thống hành chính nhà nước theo Quyết định "
        "19/2014/QĐ-TTg và Thông tư 26/2014/TT-BKHCN.",
    },
    {
        "key": "ph-sotay",
        "title": "Phiếu góp ý dự thảo Sổ tay chất lượng và Chính sách chất lượng",
        "code": "PGY-01/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Đơn vị góp ý về bố cục Sổ tay chất lượng, diễn đạt Chính sách chất lượng và "
        "danh mục mục tiêu chất lượng năm 2024.",
    },
    {
        "key": "bc-khacphuc-2024",
        "title": "Báo cáo kết quả thực hiện hành động khắc phục sau đánh giá",
        "code": "BC-17/2024/VP",
        "unit": "VP",
        "year": 2024,
        "text": "Theo Quy trình kiểm soát sự không phù hợp và hành động khắc phục QT-04/VP, "
        "12 điểm không phù hợp đã được khắc phục, 2 điểm đang theo dõi.",
    },
    {
        "key": "bc-saoluu-2024",
        "title": "Báo cáo kiểm tra việc thực hiện sao lưu dữ liệu năm 2024",
        "code": "BC-18/2024/CNTT",
        "unit": "CNTT",
        "year": 2024,
        "text": "Kiểm tra việc thực hiện Quy trình sao lưu dữ liệu và bảo đảm an toàn thông "
        "tin QT-15/CNTT tại 8 hệ thống: 7 hệ thống sao lưu đủ, 1 hệ thống thiếu nhật "
        "ký.",
    },
    {
        "key": "hd-doanra-2024",
        "title": "Hướng dẫn thủ tục cử cán bộ đi công tác nước ngoài",
        "code": "HD-04/2024/HTQT",
        "unit": "HTQT",
        "year": 2024,
        "text": "Thủ tục theo Quy trình quản lý đoàn ra, đoàn vào QT-14/HTQT: lập tờ trình, "
        "xin ý kiến cơ quan liên quan, làm hộ chiếu công vụ và thị thực.",
    },
    {
        "key": "kh-dgnb-khcn-2024",
        "title": "Kế hoạch đánh giá nội bộ năm 2024 của Vụ Khoa học và Công nghệ các ngành",
        "code": "KH-03/2024/KHCN",
        "unit": "KHCN",
        "year": 2024,
        "text": "Vụ tự đánh giá nội bộ việc áp dụng Quy trình kiểm soát tài liệu QT-01/KHCN "
        "và Quy trình kiểm soát hồ sơ QT-02/KHCN.",
    },
]


BY_KEY = {document["key"]: document for document in DOCUMENTS}


def document_text(document: dict) -> str:
    """The searchable text of a document: title, code and body."""
    return " ".join(
        filter(None, (document["title"], document["code"], document["text"]))
    )
