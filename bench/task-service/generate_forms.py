#!/usr/bin/env python3
"""Synthetic sources for the import-forms benchmark (issue 20); nothing generated is committed.

Usage: generate_forms.py routine OUT.tsv [ROWS]     a 常态化 list as PDF text: five 指标 levels + 评估对象,
                                                    cadence inside the requirement, a repeated header and a
                                                    line of page text every 12 rows, every 7th row shifted left
       generate_forms.py prose OUT.txt [MEASURES]    a 实施意见 in prose: 一、/（一）/1. headings, each measure
                                                    ending in （责任单位：…；完成时限：…）, page breaks inside
Unit names are 县第001局…县第100局 (bench/task-service/fake_org.py resolves any name).
"""
import random
import sys

CADENCES = ["按月公开{0}情况。", "按季度公开{0}数据。", "于每年1月31日前公开上年度{0}总体情况。", "及时公开{0}信息并动态更新。",
            "定期发布{0}统计数据及分析解读。", "发布{0}清理结果（至少每隔 2 年清理一次）。", "在政府网站集中发布{0}。"]
HEADER = "一级指标\t二级指标\t三级指标\t四级指标\t五级指标\t评估对象\n"


def units(rnd):
    return "、".join("县第%03d局" % u for u in rnd.sample(range(1, 101), rnd.randint(1, 3)))


def routine(out, rows):
    rnd = random.Random(2023)
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for i in range(1, rows + 1):
            if i % 12 == 0:
                f.write("\n县政府办公室文件\n\n" + HEADER)
            topic = "第%d项事务" % i
            requirement = rnd.choice(CADENCES).format(topic)
            first = i % 40 == 1
            cells = ["主动公开" if i % 400 == 1 else "", "领域%d" % (i // 400) if i % 400 == 1 else "",
                     "指标%d" % (i // 40) if first else "", "要点%d" % (i // 10) if i % 10 == 1 else "",
                     requirement, units(rnd) if i % 5 == 1 else ""]
            if i % 7 == 3 and not first:
                cells = ["", "", "", requirement, units(rnd), ""]  # the PDF merged a cell: everything moved left
            f.write("\t".join(cells) + "\n")


def prose(out, measures):
    rnd = random.Random(2023)
    cn = "一二三四五六七八九十"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# 沂源县人民政府办公室关于推进政务公开工作的实施意见\n\n为做好政务公开工作，现提出如下实施意见。\n\n")
        n = 0
        for a in range(1, 1000):
            if n >= measures:
                break
            f.write("## %s、第%d部分重点任务\n\n这一部分的总体要求，不是任务。\n\n" % (cn[(a - 1) % 10], a))
            for b in range(1, 6):
                if n >= measures:
                    break
                f.write("（%s）推进第%d-%d项工作\n\n" % (cn[b - 1], a, b))
                for c in range(1, 11):
                    if n >= measures:
                        break
                    n += 1
                    text = ("%d.完善第%d项制度。各单位要建立健全工作机制，明确责任分工，加强督促检查，" % (c, n)
                            + "确保各项措施落到实处；定期分析研判工作形势，及时研究解决\n\n重大问题。")
                    deadline = "2023年%d月底前" % rnd.randint(6, 12)
                    f.write("%s（责任单位：%s牵头，%s配合；完成时限：%s）\n\n" % (text, units(rnd).split("、")[0], units(rnd), deadline))
        f.write("沂源县人民政府办公室\n\n2023年8月3日\n")


if __name__ == "__main__":
    kind, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else (10000 if kind == "routine" else 500)
    (routine if kind == "routine" else prose)(out, count)
