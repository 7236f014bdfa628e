# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QPlainTextEdit,
    QVBoxLayout, QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(620, 600)
        self.dialogLayout = QVBoxLayout(AboutDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(AboutDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(AboutDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.versionLabel = QLabel(AboutDialog)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setWordWrap(True)
        self.versionLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.versionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.versionLabel)

        self.disclaimerLabel = QLabel(AboutDialog)
        self.disclaimerLabel.setObjectName(u"disclaimerLabel")
        self.disclaimerLabel.setText(u"kvet is for education and decision support. It is not medical advice. Decisions about treatment belong with a qualified clinician who knows your history.")
        self.disclaimerLabel.setWordWrap(True)
        self.disclaimerLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.disclaimerLabel)

        self.translationsLabel = QLabel(AboutDialog)
        self.translationsLabel.setObjectName(u"translationsLabel")
        self.translationsLabel.setWordWrap(True)
        self.translationsLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.translationsLabel)

        self.basedOnLabel = QLabel(AboutDialog)
        self.basedOnLabel.setObjectName(u"basedOnLabel")
        self.basedOnLabel.setWordWrap(True)
        self.basedOnLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.basedOnLabel)

        self.sourcesLabel = QLabel(AboutDialog)
        self.sourcesLabel.setObjectName(u"sourcesLabel")
        self.sourcesLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.sourcesLabel)

        self.sourcesView = QPlainTextEdit(AboutDialog)
        self.sourcesView.setObjectName(u"sourcesView")
        self.sourcesView.setReadOnly(True)
        self.sourcesView.setTabChangesFocus(True)
        self.sourcesView.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.sourcesView.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
#if QT_CONFIG(accessibility)
        self.sourcesView.setAccessibleName(u"Sources")
#endif // QT_CONFIG(accessibility)

        self.dialogLayout.addWidget(self.sourcesView)

        self.buttons = QDialogButtonBox(AboutDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.sourcesLabel.setBuddy(self.sourcesView)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sourcesView, self.buttons)

        self.retranslateUi(AboutDialog)

        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"About kvet", None))
#if QT_CONFIG(accessibility)
        AboutDialog.setAccessibleName(QCoreApplication.translate("AboutDialog", u"About kvet", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("AboutDialog", u"kvet", None))
        self.summaryLabel.setText(QCoreApplication.translate("AboutDialog", u"kvet helps you vet and compare ketamine and esketamine clinics. Everything stays on your computer. kvet never connects to the internet.", None))
        self.versionLabel.setText(QCoreApplication.translate("AboutDialog", u"Version", None))
#if QT_CONFIG(accessibility)
        self.disclaimerLabel.setAccessibleDescription(QCoreApplication.translate("AboutDialog", u"Disclaimer", None))
#endif // QT_CONFIG(accessibility)
        self.translationsLabel.setText(QCoreApplication.translate("AboutDialog", u"Languages", None))
#if QT_CONFIG(accessibility)
        self.translationsLabel.setAccessibleDescription(QCoreApplication.translate("AboutDialog", u"Languages and corrections", None))
#endif // QT_CONFIG(accessibility)
        self.basedOnLabel.setText(QCoreApplication.translate("AboutDialog", u"Based on", None))
        self.sourcesLabel.setText(QCoreApplication.translate("AboutDialog", u"&Sources the checklist cites:", None))
#if QT_CONFIG(accessibility)
        self.sourcesView.setAccessibleDescription(QCoreApplication.translate("AboutDialog", u"The article and references the checklist is based on: title, citation and web address of each.", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

