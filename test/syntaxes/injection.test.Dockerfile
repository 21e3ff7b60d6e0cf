# SYNTAX TEST "source.dockerfile" "Lean Dockerfile injection grammar"
# syntax=docker/dockerfile:1
# ^^^^^^ keyword.other.directive.dockerfile
#        ^^^^^^^^^^^^^^^^^^^^ string.unquoted.directive-value.dockerfile
# check=skip=JSONArgsRecommended
# ^^^^^ keyword.other.directive.dockerfile
FROM node:20 AS build
# lean-dockerfile ignore=root-user,copy-before-install
# ^^^^^^^^^^^^^^^ entity.name.tag.tool.dockerfile
#                 ^^^^^^ keyword.other.ignore.dockerfile
#                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.rule-id.dockerfile
# hadolint global ignore=DL3002
# ^^^^^^^^ entity.name.tag.tool.dockerfile
#          ^^^^^^ storage.modifier.global.dockerfile
#                        ^^^^^^ constant.other.rule-id.dockerfile
RUN --mount=type=cache,target=/root/.npm npm ci
#   ^^^^^^^ entity.other.attribute-name.flag.dockerfile
#           ^^^^ variable.parameter.mount-key.dockerfile
#                ^^^^^ string.unquoted.mount-value.dockerfile
#                      ^^^^^^ variable.parameter.mount-key.dockerfile
#                             ^^^^^^^^^^ string.unquoted.mount-value.dockerfile
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
#                       ^^ variable.parameter.mount-key.dockerfile
#                                    ^^^ variable.parameter.mount-key.dockerfile
RUN <<EOF
#   ^^ keyword.operator.heredoc.dockerfile
#     ^^^ entity.name.tag.heredoc.dockerfile
echo hello
# <---- meta.embedded.block.shellscript source.shell support.function.builtin.shell
EOF
# <--- entity.name.tag.heredoc.dockerfile
COPY <<CONF /etc/app.conf
key=value
# <--------- string.unquoted.heredoc.dockerfile
CONF
# <---- entity.name.tag.heredoc.dockerfile
# just a comment
# ^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile
