def test_views(functional, http, login_as):
    portal = functional["portal"]
    url = portal.absolute_url()
    for path in [
        "/he-thong-qlcl",
        "/don-vi/vp",
        "/don-vi/vp/quy-trinh-quan-ly-van-ban-den",
        "/don-vi/vp/quy-trinh-to-chuc-hoi-nghi-hoi-thao",
        "/don-vi/vp/quy-trinh-quan-ly-van-ban-di/bm-01",
        "/he-thong-qlcl/quyet-dinh-cong-bo",
        "/he-thong-qlcl/chinh-sach-chat-luong",
    ]:
        r = http.get(url + path, auth=login_as("iso.secretary"))
        print(path, r.status_code, len(r.text))
        if r.status_code != 200:
            print(r.text[-1500:])
    r = http.get(url + "/++api++/@qms-statistics", auth=login_as("iso.secretary"))
    print(r.status_code, r.text)
    open("/tmp/section.html", "w").write(
        http.get(url + "/he-thong-qlcl", auth=login_as("vp.staff")).text
    )
    open("/tmp/doc.html", "w").write(
        http.get(
            url + "/don-vi/vp/quy-trinh-quan-ly-van-ban-den", auth=login_as("vp.staff")
        ).text
    )
