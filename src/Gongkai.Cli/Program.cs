using System.CommandLine;
using System.Text;
using Gongkai.Cli.Commands;

// gongkai — read and check 政府信息公开工作年度报告.
Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand("公开 Gongkai：读取和审核政府信息公开工作年度报告")
{
    ParseCommand.Create(),
    CheckCommand.Create(),
    ImportCommand.Create(),
    AdminCommand.Create(),
};
return root.Parse(args).Invoke();
