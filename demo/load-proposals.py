#!/usr/bin/env python3
"""Demo 建议提案办理 (issue 18), called by demo/load-tasks.sh: TASK_BASE_URL SUPERVISOR_TOKEN.

Creates the session 县政协十一届二次会议 (once), imports its 交办清单 (demo/proposals-2023.tsv, 交办 2023-03-10), and
plays the 办理: 1102097 answered A with the 答复函 of the 平阴 公报's example (平政办字〔2023〕9号; the body here is a
stand-in, the 公报 text is not in the repository) and rated 满意 through a one-time link; 1102015 answered B with a
plan and a promised day (task-service makes it a follow-up obligation of the 主办 unit), 基本满意 by the office; 1102033 (complex, 6 months) answered C late, 不满意 → reopened for
重新办理 and answered again; 1102048 answered D; 1102061 and 1102074 not yet answered.
"""
import json
import sys
import urllib.request
from pathlib import Path

base, token = sys.argv[1], sys.argv[2]
root = base.split("/api/v1/")[0]


def call(method, url, body=None, content_type="application/json", auth=True):
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if auth:
        req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", content_type)
    with urllib.request.urlopen(req) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


if call("GET", base + "/proposal-sessions?size=1")["total"] > 0:
    print("task-service: demo proposal session already there")
    sys.exit(0)

session = call("POST", base + "/proposal-sessions", {"body": "CPPCC", "sessionName": "县政协十一届二次会议", "year": 2023})
plan = session["planId"]
tsv = (Path(__file__).parent / "proposals-2023.tsv").read_bytes()
imported = call("POST", f"{base}/proposal-sessions/{plan}/import?assignedOn=2023-03-10", tsv, "text/tab-separated-values")
by_number = {p["number"]: p["id"] for p in imported["items"]}


def reply(number, outcome, replied_on, text, **extra):
    body = {"text": text, "outcome": outcome, "consultation": "FACE", "consultedOn": replied_on, "signer": "张某某",
            "contactName": "李某", "contactPhone": "0533-3222333", "repliedOn": replied_on}
    body.update(extra)
    return call("POST", f"{base}/proposals/{by_number[number]}/replies", body)


def feedback(number, satisfaction, received_on):
    return call("POST", f"{base}/proposals/{by_number[number]}/feedback",
                {"satisfaction": satisfaction, "relevance": "STRONG" if satisfaction != "UNSATISFIED" else "FAIR",
                 "consultation": "FACE", "receivedOn": received_on,
                 "opinion": "答复有针对性。" if satisfaction != "UNSATISFIED" else "答复未涉及资金来源，请进一步研究。"})


reply("1102097", "A", "2023-05-30",
      "您提出的《关于进一步提升政务公开标准化规范化水平的提案》收悉。经认真研究，现答复如下：\n"
      "一、关于完善政务公开目录。县政府办公室已组织各部门对照国务院部门制定的 26 个领域基层政务公开标准指引，全面梳理修订本部门公开事项目录。\n"
      "二、关于加强政府网站和政务新媒体建设。县大数据中心已完成县政府门户网站集约化改造，统一栏目设置和信息发布规范。\n"
      "三、关于强化培训和考核。将政务公开工作纳入年度综合考核，每季度开展一次业务培训。\n"
      "感谢您对全县政务公开工作的关心和支持。",
      docNumber="平政办字〔2023〕9号", addressee="王某某委员", issuer="县政府办公室", cc="县政协提案委员会")
link = call("POST", f"{base}/proposals/{by_number['1102097']}/feedback-links")
call("POST", root + link["path"], {"satisfaction": "SATISFIED", "relevance": "STRONG", "consultation": "FACE",
                                    "opinion": "答复详实，措施具体。"}, auth=False)
call("POST", f"{base}/proposals/{by_number['1102097']}/evaluation",
     {"topic": 18, "analysis": 27, "feasibility": 27, "expression": 18, "excellent": True, "comment": "选题精准，建议可行。"})

reply("1102015", "B", "2023-06-05", "您提出的提案收悉。农村中小学校舍安全排查已列入2023年工作计划，现答复如下：……",
      planText="2023年秋季开学前完成全县农村中小学校舍安全排查，年底前完成问题整改", promisedOn="2023-12-31")
feedback("1102015", "BASICALLY_SATISFIED", "2023-06-12")

reply("1102033", "C", "2023-09-15", "您提出的提案收悉。受资金条件限制，部分管网改造暂不能实施，留作今后工作参考。")
feedback("1102033", "UNSATISFIED", "2023-09-20")
reply("1102033", "B", "2023-10-18", "经重新研究，已将相关管网改造列入2024年农村供水工程计划……",
      planText="2024年汛期前完成3个村的管网改造", promisedOn="2024-06-30")

reply("1102048", "D", "2023-06-01", "您提出的提案收悉。因涉及城市规划调整，现行法规政策限制，暂不能解决……")

numbers = call("GET", f"{base}/proposal-sessions/{plan}/numbers?asOf=2023-12-31")["total"]
print(f"task-service: demo proposal session {plan} (县政协十一届二次会议): {numbers['assigned']} proposals, "
      f"{numbers['answeredOnTime']} answered on time, {numbers['answeredLate']} late, {numbers['notAnswered']} not yet; "
      f"满意率 {numbers['satisfactionRate']}%, reopened {numbers['reopened']}")
